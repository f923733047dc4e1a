import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startChatModelServer, type ChatModelServer, type FixtureAnswer } from '@lastmile/fixtures';
import { getScenarioKind } from '@lastmile/scenarios';
import { createKey, createTenant, type KeyView } from '../factories/api-resources';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import {
  createMonitoredPlan,
  planAlerts,
  planFindings,
  type MonitoredPlan,
} from './support/monitored-plan';

type Phase = 'right' | 'wrong_on_twelve' | 'dead';

const qa = getScenarioKind('qa');
// The 33 hand-written questions, named: the kind's default is every built-in set.
const QUESTIONS = qa.builtinItems!(qa.configSchema.parse({ questions: 'general_knowledge' }));
const admin = bearer(TEST_ADMIN_KEY);

describe('pinned baselines, and a monitor failure that leaves the run alone', () => {
  let t: TestApp;
  let model: ChatModelServer;
  let phase: Phase = 'right';
  let plan: MonitoredPlan;
  let other: MonitoredPlan;
  let ml: KeyView;
  let oncall: KeyView;
  let customer: KeyView;
  let pinnedRun: string;

  before(async () => {
    t = await startTestApp({ runner: true });
    model = await startChatModelServer({
      answer: (prompt): FixtureAnswer => {
        if (phase === 'dead') return { status: 503 };
        const index = QUESTIONS.findIndex((q) => prompt.includes(q.input!));
        if (phase === 'wrong_on_twelve' && index < 12) return 'I do not know';
        return index < 0 ? 'I do not know' : QUESTIONS[index].references![0];
      },
    });
    const options = {
      baseUrl: model.baseUrl,
      scenario: { kind: 'qa', config: { questions: 'general_knowledge' } },
      limits: { circuitBreaker: { failureThreshold: 1000 } },
    };
    plan = await createMonitoredPlan(t, options);
    other = await createMonitoredPlan(t, options);
    const tenant = await createTenant(t);
    [ml, oncall, customer] = await Promise.all([
      createKey(t, 'ml'),
      createKey(t, 'oncall'),
      createKey(t, 'customer', tenant.id),
    ]);
  });

  after(async () => {
    await t.close();
    await model.close();
  });

  it('pins a finished run as the plan’s baseline (admin or ml only)', async () => {
    pinnedRun = (await plan.run()).id;
    for (const key of [oncall.key, customer.key]) {
      await t.http
        .post(`/v1/plans/${plan.planId}/baseline`)
        .set(bearer(key))
        .send({ runId: pinnedRun })
        .expect(403);
    }
    const { body } = await t.http
      .post(`/v1/plans/${plan.planId}/baseline`)
      .set(bearer(ml.key))
      .send({ runId: pinnedRun })
      .expect(201);
    assert.equal(body.baselinePolicy.kind, 'pinned');
    assert.deepEqual(body.baselinePolicy.runIds, [pinnedRun]);
    assert.ok(body.baselines >= 3 * 5, 'every metric of every subgroup');

    const { body: rows } = await t.http
      .get(`/v1/plans/${plan.planId}/baselines`)
      .set(admin)
      .expect(200);
    const pinned = rows.filter((r: { pinned: boolean }) => r.pinned);
    assert.equal(pinned.length, body.baselines);
    assert.ok(
      pinned.every(
        (r: { complete: boolean; runIds: string[]; versionKey: string }) =>
          r.complete && r.runIds[0] === pinnedRun && r.versionKey.startsWith('pinned:'),
      ),
    );
    const exact = pinned.find(
      (r: { metric: string; subgroup: string }) =>
        r.metric === 'exact_match' && r.subgroup === 'all',
    );
    assert.equal(exact.value, 1);
    assert.equal(exact.ciHigh, 1);
    assert.ok(exact.ciLow > 0.85 && exact.ciLow < 1, 'Wilson interval of 33 of 33');
  });

  it('refuses runs that are not this plan’s, and runs without results', async () => {
    const foreign = (await other.run()).id;
    const wrongPlan = await t.http
      .post(`/v1/plans/${plan.planId}/baseline`)
      .set(admin)
      .send({ runId: foreign })
      .expect(400);
    assert.equal(wrongPlan.body.errors[0].field, 'runId');
    await t.http
      .post(`/v1/plans/${plan.planId}/baseline`)
      .set(admin)
      .send({ runId: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    await t.http.post(`/v1/plans/${plan.planId}/baseline`).set(admin).send({}).expect(400);
    phase = 'dead';
    const failed = await plan.run();
    assert.equal(failed.status, 'failed');
    await t.http
      .post(`/v1/plans/${plan.planId}/baseline`)
      .set(admin)
      .send({ runId: failed.id })
      .expect(409);
  });

  it('compares later runs with the pinned run', async () => {
    phase = 'wrong_on_twelve';
    await plan.run();
    const findings = (await planFindings(t, plan.planId)).filter((f) => f.kind === 'drift');
    assert.equal(new Set(findings.map((f) => f.incidentId)).size, 1, 'one incident for the slice');
    const drift = findings.filter((f) => f.subgroup === 'all');
    assert.deepEqual(drift.map((f) => f.metric).sort(), ['exact_match', 'f1', 'quasi_exact_match']);
    assert.ok(
      findings.every((f) => f.subgroup === 'all' || f.evidence.power),
      'the small subgroups are tested too, each finding with its power',
    );
    const exact = drift.find((f) => f.metric === 'exact_match')!;
    const baseline = exact.evidence.baseline as {
      pinned: boolean;
      policy: string;
      runIds: string[];
      value: number;
    };
    assert.deepEqual(
      [baseline.pinned, baseline.policy, baseline.runIds, baseline.value],
      [true, 'pinned', [pinnedRun], 1],
    );
    assert.ok(Math.abs((exact.evidence.current as { value: number }).value - 21 / 33) < 1e-9);
    assert.equal(exact.evidence.test, 'paired-score-z');
  });

  it('logs a failing monitor and leaves the run succeeded and the alerts untouched', async () => {
    const before = await planAlerts(t, plan.planId);
    await t.dataSource.query('ALTER TABLE alert_events RENAME TO alert_events_away');
    try {
      const run = await plan.run();
      assert.equal(run.status, 'succeeded');
      assert.equal(run.monitoring.status, 'failed', 'the run says its monitoring failed');
      assert.ok(
        t.logs.some((line) => line.includes(run.id) && line.includes('drift monitoring failed')),
      );
    } finally {
      await t.dataSource.query('ALTER TABLE alert_events_away RENAME TO alert_events');
    }
    const after = await planAlerts(t, plan.planId);
    assert.deepEqual(
      after.map((a) => [a.id, a.seenCount]),
      before.map((a) => [a.id, a.seenCount]),
      'the failed monitoring rolled back',
    );
  });
});
