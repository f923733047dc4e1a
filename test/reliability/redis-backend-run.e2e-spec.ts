import { after, before, describe, it } from 'node:test';
import { waitFor } from '../support/poll';
import assert from 'node:assert/strict';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { RUNS_QUEUE } from '@lastmile/queue';
import { startRedisServer, type RedisServer } from '../support/processes/redis-server';
import { startTestApp, type TestApp } from '../support/test-app';
import { deterministicAnswer } from './support/qa-items';
import { LastmileClient } from './support/lastmile-client';
import { RunProbe } from './support/run-probes';

// Its own spec file: BullMQ's backend factory is process-wide, and this process uses Redis.
const ITEMS = 120;

describe('a run on the Redis queue backend (API + runner + real redis-server)', () => {
  let redis: RedisServer;
  let t: TestApp;
  let model: ChatModelServer;

  before(async () => {
    redis = await startRedisServer();
    t = await startTestApp({ runner: true, env: { REDIS_URL: redis.url } });
    model = await startChatModelServer({ answer: deterministicAnswer });
  });
  after(async () => {
    await t?.close();
    await model?.close();
    await redis?.destroy();
  });

  it('executes through Redis and writes every result and metric', async () => {
    assert.equal(t.queue.kind, 'redis');
    const client = new LastmileClient(t.http);
    const { planId } = await client.qaPlan({ modelUrl: model.baseUrl, items: ITEMS });
    const runId = await client.queueRun(planId);
    const run = await client.waitForRun(runId, 60_000);
    assert.equal(run.status, 'succeeded');
    assert.equal(run.done, ITEMS);

    const probe = new RunProbe(t.databaseUrl);
    assert.deepEqual(await probe.resultCounts(runId), { rows: ITEMS, distinct: ITEMS, errors: 0 });
    const exact = (await client.metrics(runId)).find(
      (m) => m.name === 'exact_match' && m.subgroup === 'all',
    );
    assert.equal(exact?.n, ITEMS);
    assert.equal(exact?.value, 80 / ITEMS, 'two code words in three are right');
    const queue = t.app.get<Queue>(getQueueToken(RUNS_QUEUE));
    // The run is stored as finished before its job returns (monitoring runs in between).
    await waitFor(
      async () => ((await queue.getJobState(runId)) === 'completed' ? true : undefined),
      10_000,
      'the job to complete in Redis',
    );
    const direct = new Redis(redis.url);
    assert.equal(
      await direct.hget(`bull:${RUNS_QUEUE}:${runId}`, 'name'),
      'execute-run',
      'the job is stored in this redis-server',
    );
    direct.disconnect();
  });
});
