import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { RUNS_QUEUE } from '@lastmile/queue';
import { startService, type ServiceProcess } from '../support/processes/service-process';
import { startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { deterministicAnswer, uniformFrom } from './support/qa-items';
import { LastmileClient } from './support/lastmile-client';
import { RunProbe } from './support/run-probes';

const ITEMS = 500;
const TERM_AT_CALL = 260;
const EXIT_BOUND_MS = 15_000;

describe('a runner process stopped with SIGTERM mid-run (PostgreSQL queue backend)', () => {
  let t: TestApp;
  let client: LastmileClient;
  let probe: RunProbe;
  let model: ChatModelServer;
  const runners: ServiceProcess[] = [];
  let onCall: ((calls: number) => void) | undefined;

  before(async () => {
    t = await startTestApp();
    client = new LastmileClient(t.http);
    probe = new RunProbe(t.databaseUrl);
    let calls = 0;
    model = await startChatModelServer({
      answer: async (prompt) => {
        onCall?.(++calls);
        await new Promise((resolve) =>
          setTimeout(resolve, 5 + 15 * uniformFrom('latency', prompt)),
        );
        return deterministicAnswer(prompt);
      },
    });
  });
  after(async () => {
    for (const runner of runners) await runner.kill();
    await model?.close();
    await t?.close();
  });

  const startRunner = async () => {
    // A long lock: only an explicit hand-back, not lock expiry, can let the next runner in quickly.
    const env = {
      DATABASE_URL: t.databaseUrl,
      LASTMILE_ADMIN_KEY: TEST_ADMIN_KEY,
      LASTMILE_JOB_LOCK_MS: '60000',
    };
    const runner = await startService({
      role: 'runner',
      name: `runner-${runners.length + 1}`,
      env,
    });
    runners.push(runner);
    return runner;
  };

  it('hands the run back to the queue, exits 0, and a new runner finishes it with one result per item', async () => {
    const { planId } = await client.qaPlan({
      modelUrl: model.baseUrl,
      items: ITEMS,
      limits: { concurrency: 2 },
    });
    const first = await startRunner();
    let termSentAt = 0;
    onCall = (calls) => {
      if (calls !== TERM_AT_CALL) return;
      termSentAt = Date.now();
      first.signal('SIGTERM');
    };
    const runId = await client.queueRun(planId);

    const exit = await first.waitForExit(90_000);
    const exitMs = Date.now() - termSentAt;
    onCall = undefined;
    assert.deepEqual(exit, { code: 0, signal: null }, first.tail());
    assert.ok(exitMs < EXIT_BOUND_MS, `exited ${exitMs} ms after SIGTERM`);
    assert.ok(
      first.logs.some((line) => line.msg === 'returning the run to the queue for another worker'),
    );

    const handedBack = await client.run(runId);
    assert.equal(handedBack.status, 'running');
    const stored = await probe.resultCounts(runId);
    assert.ok(
      stored.rows >= 200 && stored.rows < ITEMS,
      `${stored.rows} results stored before the stop`,
    );
    assert.equal(stored.errors, 0, 'calls cut short by the shutdown are not stored as errors');
    const queue = t.app.get<Queue>(getQueueToken(RUNS_QUEUE));
    assert.equal(
      await queue.getJobState(runId),
      'waiting',
      'the job is back in the queue, not left to stall',
    );

    const callsBeforeResume = model.stats.requests;
    const second = await startRunner();
    const resumedAt = Date.now();
    const finished = await client.waitForRun(runId, 90_000);
    // The resumed run asks only for what was not stored: a run that re-asked stored answers
    // (the bug of round 1) made ITEMS more calls here.
    const resumedCalls = model.stats.requests - callsBeforeResume;
    assert.ok(
      resumedCalls <= ITEMS - stored.rows,
      `${resumedCalls} model calls after the resume for ${ITEMS - stored.rows} missing items`,
    );
    assert.equal(finished.status, 'succeeded', second.tail());
    assert.equal(finished.done, ITEMS);
    assert.deepEqual(await probe.resultCounts(runId), { rows: ITEMS, distinct: ITEMS, errors: 0 });
    console.log(
      JSON.stringify({
        spec: 'graceful-shutdown',
        exitMs,
        storedAtStop: stored.rows,
        resumedCalls,
        resumeToFinishMs: Date.now() - resumedAt,
      }),
    );
  });
});
