import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CallLimiter } from './call-limiter';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('CallLimiter', () => {
  it('never runs more calls at once than its slots, and runs every call', async () => {
    const limiter = new CallLimiter(3, 0);
    let running = 0;
    let most = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limiter.schedule(async () => {
          running += 1;
          most = Math.max(most, running);
          await sleep(5);
          running -= 1;
          return i;
        }),
      ),
    );
    assert.equal(most, 3);
    assert.deepEqual(
      results,
      Array.from({ length: 20 }, (_, i) => i),
    );
  });

  it('spaces call starts by the minimum time', async () => {
    const limiter = new CallLimiter(10, 50);
    const t0 = Date.now();
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 5 }, () => limiter.schedule(async () => void starts.push(Date.now()))),
    );
    // Start i is scheduled i × 50 ms after the first; a timer may fire late, never early (1 ms slack).
    starts.forEach((at, i) => assert.ok(at - t0 >= i * 50 - 1, `start ${i} after ${at - t0} ms`));
  });

  it('frees the slot of a call that failed', async () => {
    const limiter = new CallLimiter(1, 0);
    await assert.rejects(
      limiter.schedule(async () => Promise.reject(new Error('boom'))),
      /boom/,
    );
    assert.equal(await limiter.schedule(async () => 'next'), 'next');
  });

  it('stops once the calls holding slots have ended', async () => {
    const limiter = new CallLimiter(1, 0);
    let finished = false;
    const running = limiter.schedule(async () => {
      await sleep(30);
      finished = true;
    });
    await limiter.stop();
    assert.equal(finished, true);
    await running;
  });
});
