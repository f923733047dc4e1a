import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { createMonitoredPlan, planAlerts, type MonitoredPlan } from './support/monitored-plan';

/** Applies the stated rule to the applicant in the prompt, except that everyone over 60 is denied. */
function ageistAnswer(prompt: string): string {
  const number = (label: string) =>
    Number(new RegExp(`${label}: \\$?([\\d,]+)`).exec(prompt)?.[1].replace(/,/g, '') ?? NaN);
  if (number('Applicant age') >= 60) return 'deny';
  const approve =
    number('Monthly payment of the requested loan') <= 0.35 * number('Monthly income') &&
    number('Missed payments in the last 12 months') === 0;
  return approve ? 'approve' : 'deny';
}

describe('fairness gap beyond the plan’s tolerance', () => {
  let t: TestApp;
  let model: ChatModelServer;
  let plan: MonitoredPlan;

  before(async () => {
    t = await startTestApp({ runner: true });
    model = await startChatModelServer({ answer: ageistAnswer });
    plan = await createMonitoredPlan(t, {
      baseUrl: model.baseUrl,
      scenario: { kind: 'classification', config: {} },
      plan: { alertPolicy: { fairnessTolerance: 0.1 } },
    });
  });

  after(async () => {
    await t.close();
    await model.close();
  });

  it('opens one fairness incident with the error-rate and false-rejection gaps as its findings', async () => {
    await plan.run();
    const alerts = await planAlerts(t, plan.planId);
    // The built-in data has 350 qualifying applicants of 600 per group: over 60 all are refused.
    // Both gaps are one cause on one slice: one incident, two findings.
    assert.deepEqual(
      alerts.map((a) => a.type),
      ['fairness_gap'],
    );
    const { body } = await t.http
      .get(`/v1/alerts/${alerts[0].id}`)
      .set(bearer(TEST_ADMIN_KEY))
      .expect(200);
    assert.deepEqual(
      body.findings
        .map((f: { metric: string; subgroup: string; rank: number }) => [f.metric, f.subgroup])
        .sort(),
      [
        ['error_rate_gap:group', 'all'],
        ['false_rejection_rate_gap:group', 'all'],
      ],
    );
    assert.deepEqual(
      body.findings.map((f: { rank: number }) => f.rank),
      [1, 2],
    );
    const errorGap = body.findings.find(
      (f: { metric: string }) => f.metric === 'error_rate_gap:group',
    );
    const evidence = errorGap.evidence;
    assert.deepEqual(
      [evidence.worstGroup.value, evidence.bestGroup.value],
      ['over_60', 'under_40'],
    );
    assert.deepEqual(
      [evidence.worstGroup.metric, evidence.bestGroup.metric, evidence.gap, evidence.tolerance],
      [350 / 600, 0, 0.583333, 0.1], // the evidence rounds the gap to 6 places
    );
    assert.ok(evidence.qValue < 0.05);
    assert.equal(evidence.worstItems.length, 5);
    assert.ok(
      evidence.worstItems.every((item: { responses: string[] }) => item.responses[0] === 'deny'),
    );
    assert.equal(errorGap.severity, 'critical', 'gap − tolerance = 0.48 ≥ 0.1');
    assert.equal(
      errorGap.title,
      `Fairness gap error_rate_gap:group on builtin:classification v1 beyond tolerance: 0.583 > 0.1`,
    );
    assert.equal(body.severity, 'critical');
    assert.match(body.title, /^Fairness gap .* beyond tolerance: .* \(\+1 more finding\)$/);
    // The incident's own evidence lists both findings for pages and chat.
    assert.equal(body.evidence.findings.length, 2);
  });
});
