import { setTimeout as sleep } from 'node:timers/promises';
import { RunInterrupted } from '@lastmile/evaluation';
import { isTransientDatabaseError } from './transient-error';

/** Another worker holds the job now (our lock expired during the outage): it finishes the run. */
export class JobLockLost extends Error {
  constructor() {
    super('the job is no longer locked by this worker');
  }
}

export interface OutageRetryOptions {
  /** Aborts the pauses: the process is shutting down. */
  signal: AbortSignal;
  /** Whether this worker still holds the job; transient errors here count as "yes, try again". */
  stillOwned(): Promise<boolean>;
  onPause(attempt: number, delayMs: number, error: unknown): void;
  /** Consecutive failed attempts before giving up. */
  attempts?: number;
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** An attempt that ran this long before failing meets a new outage: the count starts again. */
  healthyAfterMs?: number;
}

/**
 * Runs `work` again, after a growing pause, when it failed because the database was briefly
 * unavailable. The run resumes from what it stored, so repeating it is cheap and safe; failing the
 * job instead would leave the run "running" with nothing left to finish it.
 */
export async function retryThroughOutages<T>(
  work: () => Promise<T>,
  options: OutageRetryOptions,
): Promise<T> {
  const attempts = options.attempts ?? 10;
  const firstDelayMs = options.firstDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 15_000;
  const healthyAfterMs = options.healthyAfterMs ?? 60_000;
  for (let attempt = 1; ; attempt++) {
    const started = Date.now();
    try {
      return await work();
    } catch (error) {
      if (Date.now() - started >= healthyAfterMs) attempt = 1;
      if (!isTransientDatabaseError(error) || attempt >= attempts) throw error;
      if (options.signal.aborted) throw new RunInterrupted('shutdown');
      const delayMs = Math.min(maxDelayMs, firstDelayMs * 2 ** (attempt - 1));
      options.onPause(attempt, delayMs, error);
      await sleep(delayMs, undefined, { signal: options.signal }).catch(() => {
        throw new RunInterrupted('shutdown');
      });
      if (!(await ownership(options))) throw new JobLockLost();
    }
  }
}

async function ownership(options: OutageRetryOptions): Promise<boolean> {
  try {
    return await options.stillOwned();
  } catch (error) {
    if (isTransientDatabaseError(error)) return true;
    throw error;
  }
}
