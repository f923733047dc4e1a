import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface MeasuredRun {
  code: number | null;
  /** From spawn to exit, as the parent saw it. */
  wallMs: number;
  /** User + system CPU of the process and every descendant it waited for (GNU time, from wait4). */
  cpuUserS: number;
  cpuSystemS: number;
  maxRssKb: number;
  stdout: string;
  stderr: string;
}

export interface MeasureOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs: number;
  /** Called with the measured program's pid once it is running (for RSS sampling). */
  onStart?: (pid: number) => void;
}

/**
 * Runs a program under /usr/bin/time: its rusage comes from the kernel at exit, which is reliable
 * where sampling /proc just before exit is racy. A run past its time limit is killed (its process group).
 */
export function runMeasured(
  command: string,
  args: string[],
  options: MeasureOptions,
): Promise<MeasuredRun> {
  const dir = mkdtempSync(join(tmpdir(), 'lastmile-bench-time-'));
  const timeFile = join(dir, 'rusage');
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-f', '%U %S %M', '-o', timeFile, command, ...args], {
    env: options.env ?? process.env,
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  if (options.onStart)
    setTimeout(() => findChildPid(child.pid!).then((pid) => pid && options.onStart!(pid)), 0);
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, options.timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      clearTimeout(timer);
      let user = NaN;
      let system = NaN;
      let rss = NaN;
      try {
        // GNU time prefixes "Command exited with non-zero status N" on a failure: the figures are the last line.
        const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
        [user, system, rss] = last.split(' ').map(Number);
      } catch {
        // killed before time could write
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({
        code,
        wallMs,
        cpuUserS: user,
        cpuSystemS: system,
        maxRssKb: rss,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

/** The pid of the program /usr/bin/time started (its only child). */
async function findChildPid(timePid: number): Promise<number | undefined> {
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      const children = readFileSync(`/proc/${timePid}/task/${timePid}/children`, 'utf8').trim();
      if (children) return Number(children.split(' ')[0]);
    } catch {
      return undefined;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return undefined;
}
