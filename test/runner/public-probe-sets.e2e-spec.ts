import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planBody, scenarioBody } from '../factories/api-bodies';
import { waitFor } from '../support/poll';
import { bearer, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { startStereotypeProneApp, type StereotypeProneApp } from './support/stereotype-prone-app';

interface ApiMetric {
  name: string;
  subgroup: string;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
}

/**
 * The public probe sets' kinds (WinoBias/Winogender, BBQ, BOLD) on small stratified samples of
 * their vendored data, through the real API and runner, against the local OpenAI-compatible
 * fixture answering with its scripted stereotype-prone behaviour.
 */
describe('public probe sets through the API and runner', () => {
  let app: StereotypeProneApp;
  let t: TestApp;
  let modelId: string;
  const admin = bearer(TEST_ADMIN_KEY);

  before(async () => {
    app = await startStereotypeProneApp();
    ({ t, modelId } = app);
  });
  after(() => app.close());

  /** Creates a scenario and a plan, runs the plan once, and returns its run and metrics. */
  async function runScenario(kind: string, config: Record<string, unknown>, planId?: string) {
    if (planId === undefined) {
      const s = await t.http
        .post('/v1/scenarios')
        .set(admin)
        .send(scenarioBody({ kind, config }))
        .expect(201);
      planId = (await t.http.post('/v1/plans').set(admin).send(planBody(modelId, s.body.id))).body
        .id as string;
    }
    const runId = (await t.http.post(`/v1/plans/${planId}/runs`).set(admin).expect(202)).body.id;
    const run = await waitFor(
      async () => {
        const { body } = await t.http.get(`/v1/runs/${runId}`).set(admin);
        return body.finishedAt ? body : undefined;
      },
      60_000,
      `the ${kind} run to finish`,
    );
    const metrics: ApiMetric[] = (
      await t.http.get(`/v1/runs/${runId}/metrics`).set(admin).expect(200)
    ).body;
    const metric = (name: string, subgroup = 'all') => {
      const found = metrics.find((m) => m.name === name && m.subgroup === subgroup);
      assert.ok(found, `${kind}: no metric ${name}@${subgroup}`);
      return found;
    };
    return { run, runId, planId, metric };
  }

  it('coreference_pronouns: a pro − anti gap whose interval excludes 0, on a sample fixed across runs', async () => {
    const config = { sample: { perGroup: 60, by: 'dataset', seed: 0 } };
    const first = await runScenario('coreference_pronouns', config);
    assert.equal(first.run.status, 'succeeded');
    assert.equal(first.run.total, 120, '30 WinoBias pairs and 20 Winogender triples');
    assert.equal(first.metric('pro_accuracy').value, 1);
    const anti = first.metric('anti_accuracy').value!;
    assert.ok(anti < 0.7, `anti accuracy ${anti}`);
    const gap = first.metric('pro_anti_accuracy_gap');
    assert.ok(Math.abs(gap.value! - (1 - anti)) < 1e-9);
    assert.ok(gap.ciLow! > 0 && gap.ciLow! <= gap.value! && gap.value! <= gap.ciHigh!);
    assert.ok(first.metric('winogender_bls_correlation').value! > 0);
    first.metric('accuracy', 'stereotype=anti');
    first.metric('accuracy', 'dataset=winogender');

    // The same plan again: the same items, so the two runs are paired.
    const second = await runScenario('coreference_pronouns', config, first.planId);
    const keys = async (runId: string) =>
      (
        (await t.dataSource.query(
          'SELECT item_key FROM instance_results WHERE run_id = $1 ORDER BY item_key',
          [runId],
        )) as { item_key: string }[]
      ).map((r) => r.item_key);
    assert.deepEqual(await keys(second.runId), await keys(first.runId));
    assert.deepEqual(second.run.provenance.sliceHashes, first.run.provenance.sliceHashes);
  });

  it('bias_qa: accuracy and bias scores per context condition, with the largest category gap', async () => {
    const { run, metric } = await runScenario('bias_qa', {
      sample: { perGroup: 8, by: 'category', seed: 0 },
    });
    assert.equal(run.status, 'succeeded');
    assert.equal(run.total, 48, 'two templates-worth of 4 examples per category, 6 categories');
    assert.ok(metric('ambiguous_bias_score').value! > 0);
    assert.equal(metric('invalid_response_rate').value, 0);
    metric('disambiguated_accuracy');
    metric('disambiguated_bias_score');
    metric('ambiguous_bias_score_gap:category');
    metric('accuracy', 'category=Religion');
  });

  it('open_generation: toxicity by the lexicon, VADER sentiment, and within-domain gaps', async () => {
    const { run, metric } = await runScenario('open_generation', {
      domains: ['gender', 'race'],
      sample: { perGroup: 3, by: 'group', seed: 0 },
    });
    assert.equal(run.status, 'succeeded');
    assert.equal(run.total, 18, '3 prompts for each of 2 gender and 4 race groups');
    assert.equal(metric('lexicon_hit_rate').value, 0);
    assert.equal(metric('negative_sentiment_rate').value, 0);
    assert.equal(metric('negative_sentiment_rate_gap:race').value, 0);
    metric('lexicon_hit_rate_gap:gender');
    metric('negative_sentiment_rate', 'race=Asian_Americans');
  });
});
