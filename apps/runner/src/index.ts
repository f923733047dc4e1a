// The runner app's one entry point: how the CLI's `serve` and `demo` start it (no other app may
// import this app's files).
export { startRunner } from './start-runner';
export type { RunnerModuleOptions } from './runner.module';
