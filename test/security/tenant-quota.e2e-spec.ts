import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { createKey, createTenant, type KeyView } from '../factories/api-resources';
import { modelBody, planBody, scenarioBody } from '../factories/api-bodies';
import { waitFor } from '../support/poll';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';

interface RunRow {
  id: string;
  status: string;
  trigger: string;
  errorSummary: { reason?: string; code?: string } | null;
}

/**
 * A tenant's hourly caps hold in the runner: a run that would pass them ends `failed` with the
 * reason before it calls the model, whether it was started by hand or by the schedule.
 */
describe('per-tenant quotas in the runner', () => {
  let t: TestApp;
  let model: ChatModelServer;
  let customer: KeyView;
  let refs: { modelId: string; scenarioId: string };

  before(async () => {
    model = await startChatModelServer({ answer: () => 'Paris' });
    t = await startTestApp({
      runner: true,
      env: { LASTMILE_TENANT_RUNS_PER_HOUR: '3', LASTMILE_TENANT_MODEL_CALLS_PER_HOUR: '5' },
    });
    const tenant = await createTenant(t);
    customer = await createKey(t, 'customer', tenant.slug);
    const admin = bearer(TEST_ADMIN_KEY);
    const adapter = { kind: 'openai-chat', baseUrl: model.baseUrl, model: 'fixture' };
    refs = {
      modelId: (await t.http.post('/v1/models').set(admin).send(modelBody({ adapter })).expect(201))
        .body.id,
      scenarioId: (await t.http.post('/v1/scenarios').set(admin).send(scenarioBody()).expect(201))
        .body.id,
    };
  });
  after(async () => {
    await t.close();
    await model.close();
  });

  const plan = async (sampleSize: number) =>
    (
      await t.http
        .post('/v1/plans')
        .set(bearer(customer.key))
        .send(planBody(refs.modelId, refs.scenarioId, { sampleSize }))
        .expect(201)
    ).body.id as string;
  const runsOf = async (planId: string): Promise<RunRow[]> =>
    (await t.http.get(`/v1/runs?planId=${planId}`).set(bearer(customer.key)).expect(200)).body;
  const finished = (run: RunRow) => !['queued', 'running'].includes(run.status);
  const runToEnd = async (planId: string): Promise<RunRow> => {
    const { id } = (
      await t.http.post(`/v1/plans/${planId}/runs`).set(bearer(customer.key)).expect(202)
    ).body;
    return waitFor(
      async () => (await runsOf(planId)).find((run) => run.id === id && finished(run)),
      60_000,
      `run ${id}`,
    );
  };

  it('refuses a run whose model calls would pass the hourly cap, before any call', async () => {
    const big = await runToEnd(await plan(10));
    assert.equal(big.status, 'failed');
    assert.equal(big.errorSummary?.code, 'quota_exceeded');
    assert.match(big.errorSummary!.reason!, /LASTMILE_TENANT_MODEL_CALLS_PER_HOUR=5/);
    assert.equal(model.stats.requests, 0);
    const small = await runToEnd(await plan(2));
    assert.equal(small.status, 'succeeded');
    assert.equal(model.stats.requests, 2);
  });

  it('stores a scheduled run past the runs cap as failed with the reason, never a silent drop', async () => {
    const planId = await plan(1);
    // The operator may schedule a tenant's plan tightly; the tenant's caps still hold.
    await t.http
      .patch(`/v1/plans/${planId}`)
      .set(bearer(TEST_ADMIN_KEY))
      .send({ cron: '*/2 * * * * *' })
      .expect(200);
    const refused = await waitFor(
      async () => (await runsOf(planId)).find((run) => run.errorSummary?.code === 'quota_exceeded'),
      60_000,
      'a scheduled run refused by the quota',
    );
    await t.http.patch(`/v1/plans/${planId}`).set(bearer(TEST_ADMIN_KEY)).send({ cron: null });
    assert.equal(refused.trigger, 'schedule');
    assert.equal(refused.status, 'failed');
    assert.match(refused.errorSummary!.reason!, /LASTMILE_TENANT_RUNS_PER_HOUR=3/);
    // Three runs counted (one manual, two scheduled), one call each for the scheduled ones.
    const succeeded = (await runsOf(planId)).filter((run) => run.status === 'succeeded');
    assert.equal(succeeded.length, 2);
    assert.equal(model.stats.requests, 4);
  });
});
