import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { getScenarioKind } from '@lastmile/scenarios';
import { modelBody } from '../factories/api-bodies';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { createMonitoredPlan, planAlerts } from './support/monitored-plan';

const qa = getScenarioKind('qa');
// The 33 hand-written questions, named: the kind's default is every built-in set.
const QUESTIONS = qa.builtinItems!(qa.configSchema.parse({ questions: 'general_knowledge' }));
const admin = bearer(TEST_ADMIN_KEY);

/** A scripted model that answers right, except the first `wrong` questions. */
const answerer = (wrong: number) => (prompt: string) => {
  const index = QUESTIONS.findIndex((q) => prompt.includes(q.input!));
  return index < 0 || index < wrong ? 'I do not know' : QUESTIONS[index].references![0];
};

interface BaselineView {
  metric: string;
  subgroup: string;
  versionKey: string;
  runIds: string[];
  runValues: number[];
  complete: boolean;
}

describe('rolling baselines and model versions', () => {
  let t: TestApp;
  let v1: ChatModelServer;
  let v2: ChatModelServer;

  before(async () => {
    t = await startTestApp({ runner: true });
    v1 = await startChatModelServer({ answer: answerer(0) });
    v2 = await startChatModelServer({ answer: answerer(12) });
  });

  after(async () => {
    await t.close();
    await Promise.all([v1.close(), v2.close()]);
  });

  const baselines = async (
    planId: string,
    metric = 'exact_match',
    subgroup = 'all',
  ): Promise<BaselineView[]> => {
    const { body } = await t.http.get(`/v1/plans/${planId}/baselines`).set(admin).expect(200);
    return body.filter((b: BaselineView) => b.metric === metric && b.subgroup === subgroup);
  };

  /** Points the plan at a new model version served by `server` (another adapter spec, another hash). */
  const switchModel = async (planId: string, server: ChatModelServer) => {
    const adapter = {
      kind: 'openai-chat',
      baseUrl: server.baseUrl,
      model: 'fixture-v2',
      limits: { maxRetries: 0 },
    };
    const model = await t.http
      .post('/v1/models')
      .set(admin)
      .send(modelBody({ version: '2.0.0', adapter }))
      .expect(201);
    await t.http
      .patch(`/v1/plans/${planId}`)
      .set(admin)
      .send({ modelId: model.body.id })
      .expect(200);
  };

  it('keeps the latest runs in a rolling window, rolling the oldest out item by item', async () => {
    const plan = await createMonitoredPlan(t, {
      baseUrl: v1.baseUrl,
      scenario: { kind: 'qa' },
      plan: { baselinePolicy: { kind: 'rolling', window: 2 } },
    });
    const runs = [await plan.run(), await plan.run(), await plan.run()].map((r) => r.id);
    const [row] = await baselines(plan.planId);
    assert.deepEqual(row.runIds, runs.slice(1));
    assert.deepEqual(row.runValues, [1, 1]);
    assert.equal(row.complete, true);
    const [{ item_stats }] = await t.dataSource.query(
      `SELECT item_stats FROM baselines WHERE plan_id = $1 AND metric = 'exact_match' AND subgroup = 'all'`,
      [plan.planId],
    );
    const stored = item_stats as { ids: string[]; num: number[]; den: number[] };
    assert.equal(stored.ids.length, QUESTIONS.length);
    assert.ok(
      stored.num.every((num, i) => num === 2 && stored.den[i] === 2),
      'two runs pooled, the first taken out',
    );
  });

  it('checks a new model version against the previous version’s baseline when the plan compares across versions', async () => {
    const plan = await createMonitoredPlan(t, {
      baseUrl: v1.baseUrl,
      scenario: { kind: 'qa' },
      plan: { baselinePolicy: { kind: 'first_n', n: 2, compareAcrossVersions: true } },
    });
    await plan.run();
    await plan.run();
    const [previous] = await baselines(plan.planId);
    await switchModel(plan.planId, v2);
    await plan.run();
    const alerts = (await planAlerts(t, plan.planId)).filter(
      (a) => a.metric === 'exact_match' && a.subgroup === 'all',
    );
    assert.equal(alerts.length, 1);
    const baseline = alerts[0].evidence.baseline as {
      otherVersion: boolean;
      versionKey: string;
      runIds: string[];
    };
    assert.deepEqual(
      [baseline.otherVersion, baseline.versionKey, baseline.runIds],
      [true, previous.versionKey, previous.runIds],
    );
    assert.deepEqual(
      (await baselines(plan.planId)).map((b) => b.versionKey),
      [previous.versionKey],
      'the new version starts no baseline of its own',
    );
  });

  it('starts a new baseline for a new model version otherwise, without alerting while it fills', async () => {
    const plan = await createMonitoredPlan(t, {
      baseUrl: v1.baseUrl,
      scenario: { kind: 'qa' },
      plan: { baselinePolicy: { kind: 'first_n', n: 2 } },
    });
    await plan.run();
    await plan.run();
    await switchModel(plan.planId, v2);
    const run = await plan.run();
    assert.deepEqual(
      (await planAlerts(t, plan.planId)).filter((a) => a.type !== 'health'),
      [],
    );
    const rows = await baselines(plan.planId);
    assert.equal(rows.length, 2);
    const fresh = rows.find((b) => b.runIds.includes(run.id))!;
    assert.deepEqual([fresh.runIds.length, fresh.complete, fresh.runValues], [1, false, [21 / 33]]);
  });
});
