import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { waitFor } from '../support/poll';
import { startTestApp, type TestApp } from '../support/test-app';
import { deterministicAnswer, uniformFrom } from './support/qa-items';
import { LastmileClient } from './support/lastmile-client';
import { RunProbe } from './support/run-probes';

const ITEMS = 2000;
const GRACE_MS = 2000;

describe('cancelling a running run (API + runner + PostgreSQL queue backend)', () => {
  let t: TestApp;
  let client: LastmileClient;
  let probe: RunProbe;
  let model: ChatModelServer;

  before(async () => {
    t = await startTestApp({ runner: true });
    client = new LastmileClient(t.http);
    probe = new RunProbe(t.databaseUrl);
    model = await startChatModelServer({
      answer: async (prompt) => {
        await new Promise((resolve) =>
          setTimeout(resolve, 5 + 15 * uniformFrom('latency', prompt)),
        );
        return deterministicAnswer(prompt);
      },
    });
  });
  after(async () => {
    await t?.close();
    await model?.close();
  });

  it('stops the run: status cancelled, fewer results than items, and nothing written after it stopped', async () => {
    const { planId } = await client.qaPlan({
      modelUrl: model.baseUrl,
      items: ITEMS,
      limits: { concurrency: 4 },
    });
    const runId = await client.queueRun(planId);
    await waitFor(
      async () => ((await probe.resultCounts(runId)).rows >= 200 ? true : undefined),
      60_000,
      'the first results',
    );

    const cancelledAt = Date.now();
    const accepted = await client.cancel(runId);
    assert.equal(accepted.status, 'running', 'a running run stops at its next batch, not at once');
    const run = await client.waitForRun(runId, 30_000);
    const stopMs = Date.now() - cancelledAt;
    assert.equal(run.status, 'cancelled');

    const atStop = await probe.resultCounts(runId);
    const callsAtStop = model.stats.requests;
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS));
    assert.deepEqual(
      await probe.resultCounts(runId),
      atStop,
      'no result written after the run was cancelled',
    );
    assert.equal(model.stats.requests, callsAtStop, 'no model call after the run was cancelled');
    assert.ok(atStop.rows < ITEMS, `${atStop.rows} of ${ITEMS} results`);
    assert.equal(atStop.distinct, atStop.rows);
    assert.equal(atStop.errors, 0, 'calls cut short by the cancel are not stored as errors');
    assert.equal((await client.run(runId)).done, atStop.rows);
    assert.deepEqual(await probe.metrics(runId), [], 'a cancelled run has no metrics');
    console.log(
      JSON.stringify({
        spec: 'cancel',
        stopMs,
        resultsAtStop: atStop.rows,
        modelCalls: callsAtStop,
      }),
    );
  });
});
