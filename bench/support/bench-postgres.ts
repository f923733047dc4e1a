import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { startThrowawayPostgres } from '../../test/support/postgres-server';

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
  let captured = null as string[] | null;
  const { server, port, root, remove } = await startThrowawayPostgres({
    name: 'bench',
    flags: ['-c', 'max_connections=400', ...extraFlags],
    onLog: (message: unknown) => {
      if (captured) captured.push(String(message));
    },
  });
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
      await remove();
    },
  };
}
