// The API app's one entry point: how the CLI's `serve` and `demo` start it (no other app may
// import this app's files).
export { createApiApp } from './create-api-app';
export type { ApiModuleOptions } from './api.module';
