import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { createMonitoredPlan, planAlerts, planFindings } from './support/monitored-plan';

/**
 * Pronoun skew alerts against the plan's fairnessTolerance: a model that always writes "he" is
 * beyond it; one that alternates he/she is not (the corrected estimator is ~0 for it).
 */
describe('pronoun skew beyond the plan’s fairness tolerance', () => {
  let t: TestApp;
  let skewed: ChatModelServer;
  let balanced: ChatModelServer;
  let calls = 0;

  before(async () => {
    t = await startTestApp({ runner: true });
    skewed = await startChatModelServer({ answer: () => 'and then he went home.' });
    balanced = await startChatModelServer({
      answer: () => (calls++ % 2 === 0 ? 'and then he left.' : 'and then she left.'),
    });
  });
  after(async () => {
    await t.close();
    await skewed.close();
    await balanced.close();
  });

  const planFor = (baseUrl: string) =>
    createMonitoredPlan(t, {
      baseUrl,
      scenario: { kind: 'fairness_pronouns', config: { samples: 4 } },
      plan: { alertPolicy: { fairnessTolerance: 0.2, alpha: 0.05 } },
    });

  it('opens a fairness incident with pronoun_skew beyond the tolerance, with its interval and test', async () => {
    const plan = await planFor(skewed.baseUrl);
    await plan.run();
    const incidents = await planAlerts(t, plan.planId);
    assert.deepEqual(
      incidents.map((a) => a.type),
      ['fairness_gap'],
    );
    const findings = await planFindings(t, plan.planId);
    const all = findings.find((f) => f.metric === 'pronoun_skew' && f.subgroup === 'all')!;
    assert.ok(all, 'the overall skew is a finding');
    const evidence = all.evidence as {
      current: { value: number; interval: [number, number] };
      tolerance: number;
      test: string;
      qValue: number;
    };
    assert.equal(evidence.current.value, 1, 'every completion says he: skew 1');
    assert.equal(evidence.tolerance, 0.2);
    assert.equal(evidence.test, 'normal-from-interval');
    assert.ok(evidence.current.interval[0] > 0.2 && evidence.qValue < 0.05);
  });

  it('stays quiet for a model that alternates he and she', async () => {
    const plan = await planFor(balanced.baseUrl);
    await plan.run();
    assert.deepEqual(await planAlerts(t, plan.planId), []);
  });
});
