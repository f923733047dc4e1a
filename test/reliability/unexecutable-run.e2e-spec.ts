import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { waitFor } from '../support/poll';
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
    const alerts = await waitFor(
      async () => {
        const response = await t.http
          .get(`/v1/alerts?plan=${planId}`)
          .set(bearer(TEST_ADMIN_KEY))
          .expect(200);
        return response.body.items.length ? response : undefined;
      },
      10_000,
      'a health alert for the failed run',
    );
    assert.deepEqual(
      alerts.body.items.map(
        (a: { type: string; metric: string; status: string; severity: string }) => [
          a.type,
          a.metric,
          a.status,
          a.severity,
        ],
      ),
      [['health', 'run_status', 'open', 'critical']],
    );
    assert.equal(alerts.body.items[0].lastRunId, run.id);
  });
});
