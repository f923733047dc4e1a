import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../postgres-server';
import { exitOf, track } from './child-registry';

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  readonly pid: number | undefined;
  /** SIGTERM: redis-server flushes its append-only file and exits. */
  stop(): Promise<void>;
  /** Starts it again on the same port and directory (with AOF on, the data comes back). */
  start(): Promise<void>;
  /** Stops it and removes its directory. */
  destroy(): Promise<void>;
}

/** A real redis-server (Debian package) on a free port with its own temporary directory. */
export async function startRedisServer(
  options: { appendOnly?: boolean } = {},
): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'lastmile-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir];
  args.push('--appendonly', options.appendOnly ? 'yes' : 'no', '--appendfsync', 'always');
  let child: ChildProcess | undefined;

  const start = async () => {
    const started = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    track(started);
    child = started;
    const output: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`redis-server not ready in 15 s:\n${output.join('\n')}`)),
        15_000,
      );
      createInterface({ input: started.stdout! }).on('line', (line) => {
        output.push(line);
        if (line.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      started.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}:\n${output.join('\n')}`));
      });
    });
  };
  const stop = async () => {
    if (!child) return;
    const exit = exitOf(child);
    child.kill('SIGTERM');
    await exit;
    child = undefined;
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return child?.pid;
    },
    stop,
    start,
    destroy: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
