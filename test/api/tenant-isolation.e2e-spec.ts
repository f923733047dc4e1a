import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planBody } from '../factories/api-bodies';
import {
  createKey,
  createPlan,
  createPlanReferences,
  createTenant,
  queueRun,
  type KeyView,
  type PlanView,
  type RunView,
  type TenantView,
} from '../factories/api-resources';
import { insertSlice } from '../factories/slice-rows';
import { bearer, startTestApp, type TestApp } from '../support/test-app';
import { assertProblem } from './support/problem-assertions';

interface TenantWorld {
  tenant: TenantView;
  customer: KeyView;
  plan: PlanView;
  run: RunView;
}

describe('tenant isolation for customer keys', () => {
  let t: TestApp;
  let a: TenantWorld;
  let b: TenantWorld;
  let teamPlan: PlanView;
  let refs: { modelId: string; scenarioId: string };

  /** A tenant, its customer key, a plan the customer created itself and a run of it. */
  async function tenantWorld(): Promise<TenantWorld> {
    const tenant = await createTenant(t);
    const customer = await createKey(t, 'customer', tenant.slug);
    const plan = await createPlan(t, refs, {}, customer.key);
    const run = await queueRun(t, plan.id, customer.key);
    return { tenant, customer, plan, run };
  }

  before(async () => {
    t = await startTestApp();
    refs = await createPlanReferences(t);
    a = await tenantWorld();
    b = await tenantWorld();
    // A plan of the ML team (no tenant): not a customer's business either.
    teamPlan = await createPlan(t, refs);
    await queueRun(t, teamPlan.id);
  });
  after(async () => t.close());

  const as = (world: TenantWorld) => bearer(world.customer.key);

  it('makes a plan created with a customer key belong to that customer', () => {
    assert.equal(a.plan.tenantId, a.tenant.id);
    assert.equal(a.run.tenantId, a.tenant.id);
  });

  it('lists only the own tenant plans and runs', async () => {
    const plans = await t.http.get('/v1/plans').set(as(a)).expect(200);
    assert.deepEqual(
      plans.body.map((plan: { id: string }) => plan.id),
      [a.plan.id],
    );
    const runs = await t.http.get('/v1/runs').set(as(a)).expect(200);
    assert.deepEqual(
      runs.body.map((run: { id: string }) => run.id),
      [a.run.id],
    );
    const filtered = await t.http
      .get('/v1/runs')
      .query({ planId: b.plan.id })
      .set(as(a))
      .expect(200);
    assert.deepEqual(filtered.body, []);
  });

  it("answers 404 for another tenant's plan on every plan route, and changes nothing", async () => {
    assertProblem(await t.http.get(`/v1/plans/${b.plan.id}`).set(as(a)), 404);
    assertProblem(
      await t.http.patch(`/v1/plans/${b.plan.id}`).set(as(a)).send({ name: 'mine' }),
      404,
    );
    assertProblem(await t.http.delete(`/v1/plans/${b.plan.id}`).set(as(a)), 404);
    assertProblem(await t.http.post(`/v1/plans/${b.plan.id}/runs`).set(as(a)), 404);
    assertProblem(await t.http.get(`/v1/plans/${teamPlan.id}`).set(as(a)), 404);
    const still = await t.http.get(`/v1/plans/${b.plan.id}`).set(as(b)).expect(200);
    assert.equal(still.body.name, b.plan.name);
    const runs = await t.http.get('/v1/runs').set(as(b)).expect(200);
    assert.equal(runs.body.length, 1);
  });

  it("answers 404 for another tenant's run on every run route, and leaves it queued", async () => {
    assertProblem(await t.http.get(`/v1/runs/${b.run.id}`).set(as(a)), 404);
    assertProblem(await t.http.get(`/v1/runs/${b.run.id}/metrics`).set(as(a)), 404);
    assertProblem(await t.http.post(`/v1/runs/${b.run.id}/cancel`).set(as(a)), 404);
    const still = await t.http.get(`/v1/runs/${b.run.id}`).set(as(b)).expect(200);
    assert.equal(still.body.status, 'queued');
  });

  it('refuses to create a plan for another tenant with 403', async () => {
    const body = planBody(refs.modelId, refs.scenarioId, { tenant: b.tenant.slug });
    assertProblem(await t.http.post('/v1/plans').set(as(a)).send(body), 403);
    const own = planBody(refs.modelId, refs.scenarioId, { tenant: a.tenant.slug });
    await t.http.post('/v1/plans').set(as(a)).send(own).expect(201);
  });

  it("refuses another tenant's slice in a plan, and accepts its own and built-in ones", async () => {
    const [ownSlice, otherSlice, builtIn] = await Promise.all([
      insertSlice(t.dataSource, a.tenant.id),
      insertSlice(t.dataSource, b.tenant.id),
      insertSlice(t.dataSource, null),
    ]);
    const body = planBody(refs.modelId, refs.scenarioId, { sliceIds: [builtIn.id, otherSlice.id] });
    assertProblem(await t.http.post('/v1/plans').set(as(a)).send(body), 400, ['sliceIds[1]']);
    const patch = (sliceIds: string[]) =>
      t.http.patch(`/v1/plans/${a.plan.id}`).set(as(a)).send({ sliceIds });
    assertProblem(await patch([otherSlice.id]), 400, ['sliceIds[0]']);
    const accepted = await patch([ownSlice.id, builtIn.id]).expect(200);
    assert.deepEqual(accepted.body.sliceIds, [ownSlice.id, builtIn.id]);
  });

  it('keeps tenants and keys out of reach of customer keys', async () => {
    assertProblem(await t.http.get(`/v1/tenants/${a.tenant.slug}`).set(as(a)), 403);
    assertProblem(await t.http.get('/v1/tenants').set(as(a)), 403);
    assertProblem(await t.http.get('/v1/keys').set(as(a)), 403);
  });
});
