import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastmileBin } from './paths';

export interface ServiceProcess {
  pid: number;
  /** Last lines it wrote to stderr (its logs), for error messages. */
  logTail(): string;
  stop(): Promise<void>;
}

/** `lastmile serve` as its own process (`--no-api` for a runner, `--no-runner` for the API). */
export function startService(args: string[], env: NodeJS.ProcessEnv): ServiceProcess {
  const home = mkdtempSync(join(tmpdir(), 'lastmile-bench-service-'));
  const child: ChildProcess = spawn(process.execPath, [lastmileBin(), 'serve', ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', LASTMILE_HOME: home, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let tail = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    pid: child.pid!,
    logTail: () => tail,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      // A graceful stop returns running jobs to the queue; past 20 s it is killed.
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
      rmSync(home, { recursive: true, force: true });
    },
  };
}
