import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { waitFor } from '../support/poll';
import { startRedisServer, type RedisServer } from '../support/processes/redis-server';
import { startService, type ServiceProcess } from '../support/processes/service-process';
import { startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { deterministicAnswer, uniformFrom } from './support/qa-items';
import { LastmileClient } from './support/lastmile-client';
import { RunProbe } from './support/run-probes';

// Its own spec file: BullMQ's backend factory is process-wide, and this process uses Redis.
const ITEMS = 1000;
const STOP_AT_CALL = 300;
const DOWN_MS = 4000;

describe('redis-server restarting under a running runner process (Redis queue backend)', () => {
  let redis: RedisServer;
  let t: TestApp;
  let model: ChatModelServer;
  let runner: ServiceProcess;

  before(async () => {
    // Append-only file on: the queue's jobs and locks survive the restart, as in production.
    redis = await startRedisServer({ appendOnly: true });
    t = await startTestApp({ env: { REDIS_URL: redis.url } });
    model = await startChatModelServer({
      answer: async (prompt) => {
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
      limits: { concurrency: 4 },
    });
    const runId = await client.queueRun(planId);
    await waitFor(
      async () => (model.stats.requests >= STOP_AT_CALL ? true : undefined),
      60_000,
      `${STOP_AT_CALL} model calls`,
    );

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
    const executions = runner.logs.filter((line) => line.msg === 'run started').length;
    console.log(
      JSON.stringify({
        spec: 'redis-restart',
        downMs,
        executions,
        modelCalls: model.stats.requests,
      }),
    );
  });
});
