import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { RUNS_QUEUE } from '@lastmile/queue';
import { startService, type ServiceProcess } from '../support/processes/service-process';
import { startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { deterministicAnswer } from './support/qa-items';
import { LastmileClient } from './support/lastmile-client';
import { RunProbe } from './support/run-probes';

const ITEMS = 60;

/**
 * A run whose job never reaches the queue (the API dies between the database commit and the
 * enqueue), or whose job the queue lost, is found by the runner's lost-run sweep and finished.
 */
describe('runs whose jobs were lost (PostgreSQL queue backend)', () => {
  let t: TestApp;
  let client: LastmileClient;
  let probe: RunProbe;
  let model: ChatModelServer;
  let api: ServiceProcess | undefined;
  let runner: ServiceProcess | undefined;

  before(async () => {
    t = await startTestApp();
    client = new LastmileClient(t.http);
    probe = new RunProbe(t.databaseUrl);
    model = await startChatModelServer({ answer: deterministicAnswer });
  });
  after(async () => {
    await api?.kill();
    await runner?.kill();
    await model?.close();
    await t?.close();
  });

  const env = { DATABASE_URL: '', LASTMILE_ADMIN_KEY: TEST_ADMIN_KEY };

  it('finishes a manual run whose API process died between the commit and the enqueue', async () => {
    const { planId } = await client.qaPlan({ modelUrl: model.baseUrl, items: ITEMS });
    // A real API process, told to die right after committing the run (a test-only fault).
    api = await startService({
      role: 'api',
      name: 'crashing-api',
      env: { ...env, DATABASE_URL: t.databaseUrl, LASTMILE_TEST_FAULT: 'exit-after-run-commit' },
    });
    const answered = await fetch(`${api.url}/v1/plans/${planId}/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
    }).then(
      (response) => response.status,
      () => 'no answer',
    );
    assert.equal(answered, 'no answer', 'the API died before answering');
    assert.equal((await api.exited).code, 137);
    const [lost] = await probe.runsOf(planId);
    assert.equal(lost.status, 'queued', 'the run was committed');
    const queue = t.app.get<Queue>(getQueueToken(RUNS_QUEUE));
    assert.equal(await queue.getJobState(lost.id), 'unknown', 'and never reached the queue');

    runner = await startService({
      role: 'runner',
      name: 'runner',
      env: {
        ...env,
        DATABASE_URL: t.databaseUrl,
        LASTMILE_LOST_RUN_GRACE_SECONDS: '2',
        LASTMILE_LOST_RUN_SWEEP_SECONDS: '2',
      },
    });
    const finished = await client.waitForRun(lost.id, 60_000);
    assert.equal(finished.status, 'succeeded', runner.tail());
    assert.deepEqual(await probe.resultCounts(lost.id), {
      rows: ITEMS,
      distinct: ITEMS,
      errors: 0,
    });
    assert.equal(model.stats.requests, ITEMS, 'each item asked once');
    assert.ok(runner.logs.some((line) => line.msg === 'settled runs whose jobs were lost'));
  });

  it('queues again a running run whose job the queue lost, and it resumes from what it stored', async () => {
    const { planId } = await client.qaPlan({ modelUrl: model.baseUrl, items: ITEMS });
    await runner?.kill();
    const runId = await client.queueRun(planId);
    const queue = t.app.get<Queue>(getQueueToken(RUNS_QUEUE));
    // As if the queue's storage lost it: no job, and the run left marked running.
    await queue.remove(runId);
    await probe.markRunning(runId);
    const before = model.stats.requests;
    runner = await startService({
      role: 'runner',
      name: 'runner-2',
      env: {
        ...env,
        DATABASE_URL: t.databaseUrl,
        LASTMILE_LOST_RUN_GRACE_SECONDS: '2',
        LASTMILE_LOST_RUN_SWEEP_SECONDS: '2',
      },
    });
    const finished = await client.waitForRun(runId, 60_000);
    assert.equal(finished.status, 'succeeded', runner.tail());
    assert.equal(model.stats.requests - before, ITEMS);
  });
});
