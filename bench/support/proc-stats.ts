import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds of a process including the children it has reaped (utime+stime+cutime+cstime). */
export function treeCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which may itself hold spaces and parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [utime, stime, cutime, cstime] = [fields[11], fields[12], fields[13], fields[14]].map(
    Number,
  );
  return (utime + stime + cutime + cstime) / TICKS_PER_SECOND;
}

/** Resident set size in MiB (VmRSS), or undefined once the process is gone. */
export function rssMiB(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds of a process and all its live descendants, each with the children it has reaped:
 * for a PostgreSQL postmaster this counts backends that are still connected, not only closed ones.
 */
export function liveTreeCpuSeconds(pid: number): number {
  let total = 0;
  const pending = [pid];
  while (pending.length) {
    const current = pending.pop()!;
    try {
      total += treeCpuSeconds(current);
      const children = readFileSync(`/proc/${current}/task/${current}/children`, 'utf8').trim();
      if (children) pending.push(...children.split(' ').map(Number));
    } catch {
      // exited meanwhile: its time moves to its parent's reaped total
    }
  }
  return total;
}
