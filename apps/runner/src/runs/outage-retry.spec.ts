import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseError } from 'pg';
import { JobLockLost, retryThroughOutages, type OutageRetryOptions } from './outage-retry';
import { RunInterrupted } from '@lastmile/evaluation';

const shutdownError = () =>
  Object.assign(
    new DatabaseError('terminating connection due to administrator command', 0, 'error'),
    { code: '57P01' },
  );

/** Work that fails with `errors` in turn, then resolves with 'done'; counts its calls. */
function scripted(errors: unknown[]) {
  const work = async () => {
    work.calls += 1;
    if (errors.length) throw errors.shift();
    return 'done';
  };
  work.calls = 0;
  return work;
}

function options(overrides: Partial<OutageRetryOptions> = {}) {
  const pauses: [number, number][] = [];
  return {
    pauses,
    options: {
      signal: new AbortController().signal,
      stillOwned: async () => true,
      onPause: (attempt: number, delayMs: number) => pauses.push([attempt, delayMs]),
      firstDelayMs: 2,
      maxDelayMs: 8,
      ...overrides,
    } satisfies OutageRetryOptions,
  };
}

describe('retryThroughOutages', () => {
  it('repeats the work after doubling pauses (capped) while the database is unavailable', async () => {
    const work = scripted([
      shutdownError(),
      new Error('Connection terminated unexpectedly'),
      shutdownError(),
      shutdownError(),
    ]);
    const { pauses, options: opts } = options();
    assert.equal(await retryThroughOutages(work, opts), 'done');
    assert.equal(work.calls, 5);
    assert.deepEqual(pauses, [
      [1, 2],
      [2, 4],
      [3, 8],
      [4, 8],
    ]);
  });

  it('rethrows any other error at once', async () => {
    const bug = new TypeError('x is undefined');
    const work = scripted([bug]);
    await assert.rejects(retryThroughOutages(work, options().options), bug);
    assert.equal(work.calls, 1);
  });

  it('gives up after the last attempt with the last error', async () => {
    const errors = [shutdownError(), shutdownError(), shutdownError()];
    const last = errors[2];
    const work = scripted(errors);
    await assert.rejects(retryThroughOutages(work, { ...options().options, attempts: 3 }), last);
    assert.equal(work.calls, 3);
  });

  it('counts again from one when an attempt ran long enough before failing (a new outage)', async () => {
    let calls = 0;
    const work = async () => {
      calls += 1;
      if (calls === 4) return 'done';
      if (calls > 1) await new Promise((resolve) => setTimeout(resolve, 30));
      throw shutdownError();
    };
    const { pauses, options: opts } = options({ attempts: 2, healthyAfterMs: 20 });
    assert.equal(await retryThroughOutages(work, opts), 'done');
    assert.deepEqual(pauses, [
      [1, 2],
      [1, 2],
      [1, 2],
    ]);
  });

  it('stops pausing as a shutdown when the process is going away', async () => {
    const controller = new AbortController();
    const work = scripted([shutdownError()]);
    const pending = retryThroughOutages(work, {
      ...options().options,
      signal: controller.signal,
      firstDelayMs: 60_000,
    });
    controller.abort();
    await assert.rejects(
      pending,
      (error) => error instanceof RunInterrupted && error.reason === 'shutdown',
    );
    assert.equal(work.calls, 1);
  });

  it('stops when another worker took the job over during the outage', async () => {
    const work = scripted([shutdownError()]);
    await assert.rejects(
      retryThroughOutages(work, { ...options().options, stillOwned: async () => false }),
      JobLockLost,
    );
    assert.equal(work.calls, 1);
  });

  it('takes an ownership check that cannot reach the database as "try again"', async () => {
    const work = scripted([shutdownError(), shutdownError()]);
    const stillOwned = async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
        code: 'ECONNREFUSED',
      });
    };
    assert.equal(await retryThroughOutages(work, { ...options().options, stillOwned }), 'done');
    assert.equal(work.calls, 3);
  });
});
