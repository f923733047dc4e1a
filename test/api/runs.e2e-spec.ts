import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { RUNS_QUEUE } from '@lastmile/queue';
import {
  createKey,
  createPlan,
  createPlanReferences,
  queueRun,
  type PlanView,
} from '../factories/api-resources';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { assertProblem } from './support/problem-assertions';

// The runner is not started here: a queued run stays queued, which is what these tests need.
describe('runs API', () => {
  let t: TestApp;
  let plan: PlanView;
  let queue: Queue;
  before(async () => {
    t = await startTestApp();
    plan = await createPlan(t, await createPlanReferences(t));
    queue = new Queue(RUNS_QUEUE, { connection: t.queue.connection });
  });
  after(async () => {
    await queue.close();
    await t.close();
  });

  const admin = bearer(TEST_ADMIN_KEY);

  it('queues a run with 202 and puts one job for it on the queue', async () => {
    const response = await t.http.post(`/v1/plans/${plan.id}/runs`).set(admin).expect(202);
    assert.equal(response.body.status, 'queued');
    assert.equal(response.body.trigger, 'manual');
    assert.equal(response.body.planId, plan.id);
    assert.equal(response.body.modelId, plan.modelId);
    const job = await queue.getJob(response.body.id);
    assert.deepEqual(job?.data, { runId: response.body.id });
  });

  it('reads a run, and lists runs newest first, filtered by plan and status', async () => {
    const other = await createPlan(t, { modelId: plan.modelId, scenarioId: plan.scenarioId });
    const runs = [
      await queueRun(t, other.id),
      await queueRun(t, other.id),
      await queueRun(t, other.id),
    ];
    await queueRun(t, plan.id);
    const read = await t.http.get(`/v1/runs/${runs[0].id}`).set(admin).expect(200);
    assert.equal(read.body.planId, other.id);
    const list = await t.http.get('/v1/runs').query({ planId: other.id }).set(admin).expect(200);
    assert.deepEqual(
      list.body.map((run: { id: string }) => run.id),
      runs.map((run) => run.id).reverse(),
    );
    const limited = await t.http
      .get('/v1/runs')
      .query({ planId: other.id, limit: 2 })
      .set(admin)
      .expect(200);
    assert.equal(limited.body.length, 2);
    const none = await t.http
      .get('/v1/runs')
      .query({ planId: other.id, status: 'running' })
      .set(admin)
      .expect(200);
    assert.deepEqual(none.body, []);
  });

  it('answers an empty metric list for a run that has not run yet', async () => {
    const run = await queueRun(t, plan.id);
    const metrics = await t.http.get(`/v1/runs/${run.id}/metrics`).set(admin).expect(200);
    assert.deepEqual(metrics.body, []);
  });

  it('cancels a queued run at once with 202, and a second cancel is 409', async () => {
    const run = await queueRun(t, plan.id);
    const cancelled = await t.http.post(`/v1/runs/${run.id}/cancel`).set(admin).expect(202);
    assert.equal(cancelled.body.status, 'cancelled');
    assert.equal(cancelled.body.cancelRequested, true);
    assert.ok(cancelled.body.finishedAt);
    assertProblem(await t.http.post(`/v1/runs/${run.id}/cancel`).set(admin), 409);
    const list = await t.http.get('/v1/runs').query({ status: 'cancelled' }).set(admin).expect(200);
    assert.ok(list.body.some((r: { id: string }) => r.id === run.id));
  });

  it('answers 404 for an unknown or malformed run id on every run route', async () => {
    for (const id of [randomUUID(), 'run-1']) {
      assertProblem(await t.http.get(`/v1/runs/${id}`).set(admin), 404);
      assertProblem(await t.http.get(`/v1/runs/${id}/metrics`).set(admin), 404);
      assertProblem(await t.http.get(`/v1/runs/${id}/report`).set(admin), 404);
      assertProblem(await t.http.post(`/v1/runs/${id}/cancel`).set(admin), 404);
    }
  });

  it('names a bad or unknown query parameter with 400', async () => {
    const list = (query: Record<string, string>) => t.http.get('/v1/runs').query(query).set(admin);
    assertProblem(await list({ status: 'exploded' }), 400, ['status']);
    assertProblem(await list({ limit: '0' }), 400, ['limit']);
    assertProblem(await list({ limit: 'ten' }), 400, ['limit']);
    assertProblem(await list({ planId: 'plan-1' }), 400, ['planId']);
    assertProblem(await list({ sort: 'asc' }), 400, ['sort']);
    const run = await queueRun(t, plan.id);
    const metrics = t.http.get(`/v1/runs/${run.id}/metrics`).query({ sliceId: 'x' }).set(admin);
    assertProblem(await metrics, 400, ['sliceId']);
  });

  it('lets oncall keys read runs but not cancel them; no key or a wrong key gets 401', async () => {
    const run = await queueRun(t, plan.id);
    const oncall = await createKey(t, 'oncall');
    await t.http.get(`/v1/runs/${run.id}`).set(bearer(oncall.key)).expect(200);
    assertProblem(await t.http.post(`/v1/runs/${run.id}/cancel`).set(bearer(oncall.key)), 403);
    const calls = [
      () => t.http.get('/v1/runs'),
      () => t.http.get(`/v1/runs/${run.id}`),
      () => t.http.get(`/v1/runs/${run.id}/metrics`),
      () => t.http.post(`/v1/runs/${run.id}/cancel`),
    ];
    for (const call of calls) {
      assertProblem(await call(), 401);
      assertProblem(await call().set(bearer('lm_wrong_key_000000000000')), 401);
    }
  });
});
