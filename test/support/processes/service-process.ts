import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../postgres-server';
import { exitOf, track } from './child-registry';

// dist/test/support/processes -> the repository root.
const CLI = join(__dirname, '..', '..', '..', '..', 'bin', 'lastmile.js');

/** One pino line from the service's stderr (or { msg } for a line that is not JSON). */
export type LogLine = { msg?: string; level?: number } & Record<string, unknown>;

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServiceProcess {
  readonly name: string;
  readonly pid: number;
  /** Where it answers HTTP: the API for `api`, the Prometheus endpoint for `runner`. */
  readonly url: string;
  readonly logs: LogLine[];
  readonly exited: Promise<ProcessExit>;
  hasExited(): boolean;
  signal(signal: NodeJS.Signals): void;
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<ProcessExit>;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<ProcessExit>;
  /** How it exited; rejects (leaving it running) if it has not within `timeoutMs`. */
  waitForExit(timeoutMs: number): Promise<ProcessExit>;
  /** Resident set size in KiB from /proc/<pid>/status (undefined once it has exited). */
  rssKb(): number | undefined;
  waitForLog(match: (line: LogLine) => boolean, timeoutMs: number, what: string): Promise<LogLine>;
  /** The last lines, for failure messages. */
  tail(count?: number): string;
}

export type ServiceRole = 'api' | 'runner' | 'all';

const ROLE_ARGS: Record<ServiceRole, string[]> = {
  api: ['--no-runner'],
  runner: ['--no-api'],
  all: [],
};

/**
 * Spawns `lastmile serve` (the compiled CLI) as a real process and waits until it serves (the
 * reliability specs and the benchmarks share this one helper):
 * the API answers /health, a runner-only process its metrics endpoint (started after the workers).
 */
export async function startService(options: {
  role: ServiceRole;
  env: Record<string, string>;
  name?: string;
  readyTimeoutMs?: number;
}): Promise<ServiceProcess> {
  const port = await freePort();
  const env: Record<string, string> = { ...pickInherited(), LOG_LEVEL: 'info', ...options.env };
  // A port the caller chose (a benchmark's load target) is kept.
  if (options.role === 'runner') env.LASTMILE_RUNNER_METRICS_PORT ??= String(port);
  else env.PORT ??= String(port);
  const child = spawn(
    process.execPath,
    ['--enable-source-maps', CLI, 'serve', ...ROLE_ARGS[options.role]],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  track(child);
  const servedPort = options.role === 'runner' ? env.LASTMILE_RUNNER_METRICS_PORT : env.PORT;
  const service = wrap(child, options.name ?? options.role, `http://127.0.0.1:${servedPort}`);
  const probe = options.role === 'runner' ? '/metrics' : '/health';
  try {
    await untilServing(service, `${service.url}${probe}`, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await service.kill();
    throw error;
  }
  return service;
}

function wrap(child: ChildProcess, name: string, url: string): ServiceProcess {
  const logs: LogLine[] = [];
  const waiters = new Set<() => void>();
  // LASTMILE_TEST_LOG_DIR keeps every process's lines in a file, for looking into a failure.
  const file = process.env.LASTMILE_TEST_LOG_DIR
    ? createWriteStream(join(process.env.LASTMILE_TEST_LOG_DIR, `${name}-${child.pid}.log`))
    : undefined;
  const collect = (stream: NodeJS.ReadableStream) =>
    createInterface({ input: stream }).on('line', (text) => {
      file?.write(`${text}\n`);
      logs.push(parseLine(text));
      for (const wake of waiters) wake();
    });
  collect(child.stderr!);
  collect(child.stdout!);
  const exited = exitOf(child);
  const pid = child.pid!;
  const service: ServiceProcess = {
    name,
    pid,
    url,
    logs,
    exited,
    hasExited: () => child.exitCode !== null || child.signalCode !== null,
    signal: (signal) => {
      if (!service.hasExited()) child.kill(signal);
    },
    kill: () => {
      service.signal('SIGKILL');
      return exited;
    },
    stop: async (graceMs = 20_000) => {
      service.signal('SIGTERM');
      const timer = setTimeout(() => service.signal('SIGKILL'), graceMs);
      const exit = await exited;
      clearTimeout(timer);
      return exit;
    },
    waitForExit: (timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${name} still running after ${timeoutMs} ms\n${service.tail()}`)),
          timeoutMs,
        );
        void exited.then((exit) => {
          clearTimeout(timer);
          resolve(exit);
        });
      }),
    rssKb: () => readRssKb(pid),
    waitForLog: (match, timeoutMs, what) =>
      new Promise((resolve, reject) => {
        let seen = 0;
        const check = () => {
          for (; seen < logs.length; seen++) {
            if (match(logs[seen])) return finish(() => resolve(logs[seen]));
          }
        };
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        const timer = setTimeout(
          () =>
            finish(() =>
              reject(
                new Error(
                  `${name}: no log line "${what}" within ${timeoutMs} ms\n${service.tail()}`,
                ),
              ),
            ),
          timeoutMs,
        );
        waiters.add(check);
        check();
      }),
    tail: (count = 30) =>
      logs
        .slice(-count)
        .map((line) => `  [${name}] ${JSON.stringify(line)}`)
        .join('\n'),
  };
  return service;
}

async function untilServing(
  service: ServiceProcess,
  url: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.hasExited())
      throw new Error(
        `${service.name} exited before serving: ${JSON.stringify(await service.exited)}\n${service.tail()}`,
      );
    const status = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${service.name} did not serve ${url} within ${timeoutMs} ms\n${service.tail()}`);
}

function parseLine(text: string): LogLine {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') return parsed as LogLine;
  } catch {
    // not a pino line (a stack trace, a warning from Node)
  }
  return { msg: text };
}

function readRssKb(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** The child gets PATH and friends, never the test's own LASTMILE_/DATABASE_/REDIS_ settings. */
function pickInherited(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'LC_ALL', 'NODE_PATH'];
  return Object.fromEntries(
    keep.filter((key) => process.env[key] !== undefined).map((key) => [key, process.env[key]!]),
  );
}
