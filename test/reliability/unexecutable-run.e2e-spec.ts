import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { deterministicAnswer } from './support/qa-items';
import { LastmileClient } from './support/lastmile-client';

describe('a run the runner cannot execute (API + runner + PostgreSQL queue backend)', () => {
  let t: TestApp;
  let model: ChatModelServer;

  before(async () => {
    t = await startTestApp({ runner: true });
    model = await startChatModelServer({ answer: deterministicAnswer });
  });
  after(async () => {
    await t?.close();
    await model?.close();
  });

  it('ends failed with the reason instead of staying running once its job has failed, and raises a health alert', async () => {
    const client = new LastmileClient(t.http);
    const { planId, scenarioId } = await client.qaPlan({ modelUrl: model.baseUrl, items: 10 });
    // A stored config the scenario kind no longer accepts (as after a bad manual edit or a downgrade).
    await t.dataSource.query(
      `UPDATE scenarios SET config = '{"noSuchOption": true}' WHERE id = $1`,
      [scenarioId],
    );
    const run = await client.waitForRun(await client.queueRun(planId), 60_000);
    assert.equal(run.status, 'failed');
    assert.match(
      run.errorSummary?.reason ?? '',
      /^the runner could not execute the run: .*noSuchOption/s,
    );
    assert.equal(model.stats.requests, 0);

    // The run finished without ever being planned: on-call still hears of it, once, as a health alert.
    // Listeners run just after the status is stored: wait for the alert rather than race it.
    const alerts = await client.waitForAlerts(planId, 10_000);
    assert.deepEqual(
      alerts.map((a) => [a.type, a.metric, a.status, a.severity]),
      [['health', 'run_status', 'open', 'critical']],
    );
    assert.equal(alerts[0].lastRunId, run.id);
  });
});
