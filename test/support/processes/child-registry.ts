import type { ChildProcess } from 'node:child_process';

// Every process a spec spawns is killed when the spec's process exits, even after a failed
// assertion or a timeout, so no redis-server or runner outlives its test.
const live = new Set<ChildProcess>();
let hooked = false;

export function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const running of live) running.kill('SIGKILL');
  });
}

/** Resolves with how the child ended; immediately when it already has. */
export function exitOf(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}
