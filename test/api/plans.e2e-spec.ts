import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { planSchedulerId, RUNS_QUEUE } from '@lastmile/queue';
import { planBody } from '../factories/api-bodies';
import {
  createKey,
  createPlan,
  createPlanReferences,
  createTenant,
  registerModel,
} from '../factories/api-resources';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { assertProblem, problemFields } from './support/problem-assertions';

describe('plans API', () => {
  let t: TestApp;
  let refs: { modelId: string; scenarioId: string };
  let queue: Queue;
  before(async () => {
    t = await startTestApp();
    refs = await createPlanReferences(t);
    queue = new Queue(RUNS_QUEUE, { connection: t.queue.connection });
  });
  after(async () => {
    await queue.close();
    await t.close();
  });

  const admin = bearer(TEST_ADMIN_KEY);
  const post = (body: unknown) =>
    t.http
      .post('/v1/plans')
      .set(admin)
      .send(body as object);
  const patch = (id: string, body: unknown) =>
    t.http
      .patch(`/v1/plans/${id}`)
      .set(admin)
      .send(body as object);

  it('creates a plan with the documented defaults, lists it and reads it back', async () => {
    const created = await post(planBody(refs.modelId, refs.scenarioId)).expect(201);
    assert.deepEqual(
      {
        cron: created.body.cron,
        timezone: created.body.timezone,
        enabled: created.body.enabled,
        sliceIds: created.body.sliceIds,
        sampleSize: created.body.sampleSize,
        seed: created.body.seed,
        channels: created.body.channels,
        cacheResponses: created.body.cacheResponses,
        tenantId: created.body.tenantId,
        baselinePolicy: created.body.baselinePolicy,
      },
      {
        cron: null,
        timezone: 'UTC',
        enabled: true,
        sliceIds: [],
        sampleSize: null,
        seed: 0,
        channels: [],
        cacheResponses: false,
        tenantId: null,
        baselinePolicy: { kind: 'first_n', n: 3, compareAcrossVersions: false },
      },
    );
    assert.deepEqual(created.body.alertPolicy.severity, { warning: 0.02, critical: 0.1 });
    const read = await t.http.get(`/v1/plans/${created.body.id}`).set(admin).expect(200);
    assert.equal(read.body.name, created.body.name);
    const list = await t.http.get('/v1/plans').set(admin).expect(200);
    assert.ok(list.body.some((plan: { id: string }) => plan.id === created.body.id));
  });

  it('creates a plan owned by the tenant it names', async () => {
    const tenant = await createTenant(t);
    const plan = await createPlan(t, refs, { tenant: tenant.slug });
    assert.equal(plan.tenantId, tenant.id);
  });

  it('turns a cron into one job scheduler and removes it when the plan is disabled', async () => {
    const plan = await createPlan(t, refs, { cron: '*/5 * * * *', timezone: 'Europe/Paris' });
    const scheduler = await queue.getJobScheduler(planSchedulerId(plan.id));
    assert.equal(scheduler?.pattern, '*/5 * * * *');
    assert.equal(scheduler?.tz, 'Europe/Paris');
    await patch(plan.id, { enabled: false }).expect(200);
    assert.equal(await queue.getJobScheduler(planSchedulerId(plan.id)), undefined);
  });

  it('names the bad field with 400 and rejects unknown fields at any depth', async () => {
    const body = (overrides: Record<string, unknown>) =>
      planBody(refs.modelId, refs.scenarioId, overrides);
    assertProblem(await post(body({ modelId: randomUUID() })), 400, ['modelId']);
    assertProblem(await post(body({ scenarioId: randomUUID() })), 400, ['scenarioId']);
    assertProblem(await post(body({ modelId: 'model-1' })), 400, ['modelId']);
    assertProblem(await post(body({ cron: 'every day' })), 400, ['cron']);
    assertProblem(await post(body({ timezone: 'Mars/Olympus_Mons' })), 400, ['timezone']);
    assertProblem(await post(body({ sliceIds: [randomUUID()] })), 400, ['sliceIds[0]']);
    assertProblem(await post(body({ alertPolicy: { alpha: 0.7 } })), 400, ['alertPolicy.alpha']);
    assertProblem(await post(body({ alertPolicy: { minEfect: 0.1 } })), 400, [
      'alertPolicy.minEfect',
    ]);
    const channel = { kind: 'webhook', url: 'ftp://example.com/hook' };
    assertProblem(await post(body({ channels: [channel] })), 400, ['channels[0].url']);
    assertProblem(await post(body({ priority: 'high' })), 400, ['priority']);
    assertProblem(await post({ name: 'no references' }), 400, ['modelId', 'scenarioId']);
  });

  it('changes only the fields a PATCH sends, and can move the plan to a new model version', async () => {
    const plan = await createPlan(t, refs, { seed: 7, alertPolicy: { alpha: 0.01 } });
    const model = await registerModel(t);
    const patched = await patch(plan.id, { name: 'renamed', modelId: model.id }).expect(200);
    assert.equal(patched.body.name, 'renamed');
    assert.equal(patched.body.modelId, model.id);
    assert.equal(patched.body.seed, 7);
    assert.equal(patched.body.alertPolicy.alpha, 0.01);
    const read = await t.http.get(`/v1/plans/${plan.id}`).set(admin).expect(200);
    assert.equal(read.body.name, 'renamed');
  });

  it('refuses an empty PATCH, an immutable or unknown field, and a bad value', async () => {
    const plan = await createPlan(t, refs);
    assertProblem(await patch(plan.id, {}), 400);
    // An unknown field is named (the body also counts as "no field to change" once it is dropped).
    for (const body of [{ scenarioId: refs.scenarioId }, { tenant: 'someone' }]) {
      const refused = await patch(plan.id, body);
      assertProblem(refused, 400);
      assert.ok(problemFields(refused).includes(Object.keys(body)[0]), refused.text);
    }
    assertProblem(await patch(plan.id, { seed: -1 }), 400, ['seed']);
    assertProblem(await patch(plan.id, { modelId: randomUUID() }), 400, ['modelId']);
    const read = await t.http.get(`/v1/plans/${plan.id}`).set(admin).expect(200);
    assert.equal(read.body.name, plan.name);
  });

  it('deletes a plan softly: gone from reads and lists, and a second delete is 404', async () => {
    const plan = await createPlan(t, refs);
    await t.http.delete(`/v1/plans/${plan.id}`).set(admin).expect(204);
    assertProblem(await t.http.get(`/v1/plans/${plan.id}`).set(admin), 404);
    const list = await t.http.get('/v1/plans').set(admin).expect(200);
    assert.ok(!list.body.some((p: { id: string }) => p.id === plan.id));
    assertProblem(await t.http.delete(`/v1/plans/${plan.id}`).set(admin), 404);
    assertProblem(await patch(plan.id, { name: 'zombie' }), 404);
    assertProblem(await t.http.post(`/v1/plans/${plan.id}/runs`).set(admin), 404);
  });

  it('answers 404 for an unknown or malformed plan id on every plan route', async () => {
    for (const id of [randomUUID(), 'plan-1']) {
      assertProblem(await t.http.get(`/v1/plans/${id}`).set(admin), 404);
      assertProblem(await patch(id, { name: 'x' }), 404);
      assertProblem(await t.http.delete(`/v1/plans/${id}`).set(admin), 404);
      assertProblem(await t.http.post(`/v1/plans/${id}/runs`).set(admin), 404);
    }
  });

  it('keeps oncall keys read-only (403 on writes) and refuses no key or a wrong key with 401', async () => {
    const plan = await createPlan(t, refs);
    const oncall = await createKey(t, 'oncall');
    const writes = [
      () => t.http.post('/v1/plans').send(planBody(refs.modelId, refs.scenarioId)),
      () => t.http.patch(`/v1/plans/${plan.id}`).send({ name: 'x' }),
      () => t.http.delete(`/v1/plans/${plan.id}`),
      () => t.http.post(`/v1/plans/${plan.id}/runs`),
    ];
    for (const write of writes) assertProblem(await write().set(bearer(oncall.key)), 403);
    await t.http.get(`/v1/plans/${plan.id}`).set(bearer(oncall.key)).expect(200);
    const reads = [() => t.http.get('/v1/plans'), () => t.http.get(`/v1/plans/${plan.id}`)];
    for (const call of [...writes, ...reads]) {
      assertProblem(await call(), 401);
      assertProblem(await call().set(bearer('lm_wrong_key_000000000000')), 401);
    }
  });
});
