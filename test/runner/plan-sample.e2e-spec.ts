import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { jsonl } from '@lastmile/slices/testing';
import { planBody, scenarioBody, tenantBody } from '../factories/api-bodies';
import { assertProblem } from '../api/support/problem-assertions';
import { waitFor } from '../support/poll';
import { bearer, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { startStereotypeProneApp, type StereotypeProneApp } from './support/stereotype-prone-app';

/**
 * A plan's own `sample` of the scenario's built-in data: it takes precedence over the scenario
 * config's, holds exactly perGroup items per group, selects the same items in every run, is part
 * of the slice version, and is refused (naming the field) when it cannot apply.
 */
describe("a plan's stratified sample of built-in data", () => {
  let app: StereotypeProneApp;
  let t: TestApp;
  let modelId: string;
  const admin = bearer(TEST_ADMIN_KEY);

  before(async () => {
    app = await startStereotypeProneApp();
    ({ t, modelId } = app);
  });
  after(() => app.close());

  const scenario = async (kind: string, config: Record<string, unknown>) =>
    (await t.http.post('/v1/scenarios').set(admin).send(scenarioBody({ kind, config })).expect(201))
      .body.id as string;

  async function run(planId: string) {
    const runId = (await t.http.post(`/v1/plans/${planId}/runs`).set(admin).expect(202)).body.id;
    const finished = await waitFor(
      async () => {
        const { body } = await t.http.get(`/v1/runs/${runId}`).set(admin);
        return body.finishedAt ? body : undefined;
      },
      60_000,
      `run ${runId} to finish`,
    );
    assert.equal(finished.status, 'succeeded');
    const rows: { item_key: string; attributes: Record<string, string> }[] =
      await t.dataSource.query(
        `SELECT r.item_key, i.attributes FROM instance_results r
           JOIN slice_items i ON i.slice_id = r.slice_id AND i.item_key = r.item_key
          WHERE r.run_id = $1 ORDER BY r.item_key`,
        [runId],
      );
    return { run: finished, rows };
  }

  it("overrides the scenario's sample with exactly perGroup per category, the same items every run", async () => {
    // The scenario keeps bias_qa's default (200 per category); the plan asks for 10.
    const scenarioId = await scenario('bias_qa', {});
    const sample = { perGroup: 10, by: 'category', seed: 7 };
    const plan = await t.http
      .post('/v1/plans')
      .set(admin)
      .send(planBody(modelId, scenarioId, { sample }))
      .expect(201);
    assert.deepEqual(plan.body.sample, { ...sample, wholeUnits: false });
    const first = await run(plan.body.id);
    assert.equal(first.run.total, 60);
    const perCategory = new Map<string, number>();
    for (const row of first.rows)
      perCategory.set(row.attributes.category, (perCategory.get(row.attributes.category) ?? 0) + 1);
    assert.deepEqual([...perCategory.values()], [10, 10, 10, 10, 10, 10]);
    const second = await run(plan.body.id);
    assert.deepEqual(
      second.rows.map((r) => r.item_key),
      first.rows.map((r) => r.item_key),
      'paired: the same items in both runs',
    );
    assert.deepEqual(second.run.provenance.sliceHashes, first.run.provenance.sliceHashes);
  });

  it("runs the full set on demand, as another slice version than the scenario's sample", async () => {
    const scenarioId = await scenario('qa', {
      questions: 'general_knowledge',
      sample: { perGroup: 2, by: 'topic', seed: 0 },
    });
    const planId = (
      await t.http.post('/v1/plans').set(admin).send(planBody(modelId, scenarioId)).expect(201)
    ).body.id;
    const sampled = await run(planId);
    assert.equal(sampled.run.total, 10, "the scenario's sample: 2 of each of 5 topics");
    await t.http.patch(`/v1/plans/${planId}`).set(admin).send({ sample: 'full' }).expect(200);
    const full = await run(planId);
    assert.equal(full.run.total, 33);
    assert.notDeepEqual(full.run.provenance.sliceHashes, sampled.run.provenance.sliceHashes);
  });

  it('refuses a sample by an attribute no built-in item carries, naming the field', async () => {
    const scenarioId = await scenario('bias_qa', {});
    const refused = await t.http
      .post('/v1/plans')
      .set(admin)
      .send(planBody(modelId, scenarioId, { sample: { perGroup: 50, by: 'categroy', seed: 7 } }));
    assertProblem(refused, 400, ['sample.by']);
    assert.match(refused.body.errors[0].reason, /no item carries attribute "categroy"/);
    const badScenario = await t.http
      .post('/v1/scenarios')
      .set(admin)
      .send(scenarioBody({ kind: 'bias_qa', config: { sample: { perGroup: 50, by: 'colour' } } }));
    assertProblem(badScenario, 400, ['config.sample.by']);
  });

  it('refuses a sample on a plan that names slices, which it would not apply to', async () => {
    const tenant = (await t.http.post('/v1/tenants').set(admin).send(tenantBody()).expect(201)).body
      .slug;
    const rows = [{ id: 'q1', input: 'What is 2 + 2?', references: ['4'], attributes: {} }];
    const slice = await t.http
      .post(`/v1/tenants/${tenant}/slices`)
      .set(admin)
      .field('name', 'questions')
      .attach('file', jsonl(rows), 'questions.jsonl')
      .expect(201);
    const scenarioId = await scenario('qa', {});
    const body = planBody(modelId, scenarioId, {
      tenant,
      sliceIds: [slice.body.id],
      sample: { perGroup: 5, by: 'topic' },
    });
    assertProblem(await t.http.post('/v1/plans').set(admin).send(body), 400, ['sample']);
  });
});
