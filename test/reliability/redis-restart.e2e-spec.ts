import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { RUNS_QUEUE } from '@lastmile/queue';
import { waitFor } from '../support/poll';
import { startRedisServer, type RedisServer } from '../support/processes/redis-server';
import { startService, type ServiceProcess } from '../support/processes/service-process';
import { startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { deterministicAnswer, uniformFrom } from './support/qa-items';
import { LastmileClient } from './support/lastmile-client';
import { RunProbe } from './support/run-probes';

// Its own spec file: BullMQ's backend factory is process-wide, and this process uses Redis.
// Long enough (about 8 s of model time after the outage at 2 calls in flight) that the queue
// hands the stalled job out again while the first execution would still be going.
const ITEMS = 1500;
const STOP_AT_CALL = 200;
// Longer than the job lock (5 s): the lock expires while Redis is down.
const DOWN_MS = 7000;
// The model holds its answers meanwhile and a little after, so the run is still going when
// Redis is back and the runner finds out its lock is gone (it tries to renew every 2.5 s).
const HOLD_AFTER_MS = 3000;

describe('redis-server restarting under a running runner process (Redis queue backend)', () => {
  let redis: RedisServer;
  let t: TestApp;
  let model: ChatModelServer;
  let runner: ServiceProcess;
  let held: Promise<void> | undefined;

  before(async () => {
    // Append-only file on: the queue's jobs and locks survive the restart, as in production.
    redis = await startRedisServer({ appendOnly: true });
    t = await startTestApp({ env: { REDIS_URL: redis.url } });
    // The API's queue has no 'error' listener, so BullMQ would print every failed reconnect.
    t.app.get<Queue>(getQueueToken(RUNS_QUEUE)).on('error', () => undefined);
    model = await startChatModelServer({
      answer: async (prompt) => {
        await held;
        await new Promise((resolve) =>
          setTimeout(resolve, 5 + 15 * uniformFrom('latency', prompt)),
        );
        return deterministicAnswer(prompt);
      },
    });
    const env = {
      DATABASE_URL: t.databaseUrl,
      REDIS_URL: redis.url,
      LASTMILE_ADMIN_KEY: TEST_ADMIN_KEY,
      LASTMILE_JOB_LOCK_MS: '5000',
    };
    runner = await startService({ role: 'runner', name: 'runner', env });
  });
  after(async () => {
    await runner?.kill();
    await t?.close();
    await model?.close();
    await redis?.destroy();
  });

  it('reports the queue down while Redis is, and the run finishes with one result per item', async () => {
    const client = new LastmileClient(t.http);
    const probe = new RunProbe(t.databaseUrl);
    const { planId } = await client.qaPlan({
      modelUrl: model.baseUrl,
      items: ITEMS,
      limits: { concurrency: 2 },
    });
    const runId = await client.queueRun(planId);
    await waitFor(
      async () => (model.stats.requests >= STOP_AT_CALL ? true : undefined),
      60_000,
      `${STOP_AT_CALL} model calls`,
    );

    let release!: () => void;
    held = new Promise((resolve) => (release = resolve));
    await redis.stop();
    const stoppedAt = Date.now();
    const health = await t.http.get('/health');
    assert.equal(health.status, 503);
    assert.equal(health.body.queue.status, 'down');
    assert.equal(health.body.database.status, 'up');
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, DOWN_MS - (Date.now() - stoppedAt))),
    );
    await redis.start();
    const downMs = Date.now() - stoppedAt;
    await new Promise((resolve) => setTimeout(resolve, HOLD_AFTER_MS));
    held = undefined;
    release();

    const run = await client.waitForRun(runId, 120_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${runner.tail(40)}`);
    });
    assert.equal(run.status, 'succeeded');
    assert.equal(run.done, ITEMS);
    assert.deepEqual(await probe.resultCounts(runId), { rows: ITEMS, distinct: ITEMS, errors: 0 });
    await waitFor(
      async () => ((await t.http.get('/health')).status === 200 ? true : undefined),
      30_000,
      'health 200',
    );
    assert.ok(!runner.hasExited(), 'the runner did not crash');
    // The run ends finished. (Executions are not checked for overlap from the log: a retry after a
    // transient queue error logs 'run started' again within the same execution, which read as overlap.)
    const lifecycle = runner.logs
      .filter((line) => line.runId === runId || line.jobId === runId)
      .map((line) => line.msg)
      .filter(
        (msg) =>
          msg === 'run started' || msg === 'run finished' || msg?.startsWith('lost the job lock'),
      );
    assert.equal(lifecycle.at(-1), 'run finished', lifecycle.join(' -> '));
    // A lost lock hands the run to another execution, which resumes from what was stored: at most
    // the unwritten batches (2 × 200) and the calls in flight (8) are asked again per start.
    const starts = lifecycle.filter((msg) => msg === 'run started').length;
    const bound = ITEMS + (starts - 1) * (2 * 200 + 8);
    assert.ok(
      model.stats.requests <= bound,
      `${model.stats.requests} model calls for ${ITEMS} items over ${starts} starts (bound ${bound})`,
    );
    console.log(
      JSON.stringify({
        spec: 'redis-restart',
        downMs,
        lifecycle,
        modelCalls: model.stats.requests,
      }),
    );
  });
});
