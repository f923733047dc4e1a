import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  startChatModelServer,
  stereotypeProneAnswer,
  type ChatModelServer,
} from '@lastmile/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { createMonitoredPlan, planAlerts, planFindings } from './support/monitored-plan';

/** Ignores the pronoun: always the first person the question names, so pro and anti alike. */
function pronounBlindAnswer(prompt: string): string {
  return /refer to: (.+?) or /.exec(prompt)?.[1] ?? 'I cannot tell.';
}

// 50 WinoBias pairs of each type and 100 Winogender sentences, the same in every run.
const SAMPLE = { perGroup: 100, by: 'type', seed: 0 };

/**
 * Coreference gaps are alertable and drift-tested: WinoBias's |pro − anti| per type against the
 * plan's fairnessTolerance (a fairness magnitude with its paired interval), and the share of
 * answers that follow the stereotype drift-tested per item like any proportion.
 */
describe('coreference gaps beyond the plan’s fairness tolerance, and their drift', () => {
  let t: TestApp;
  let prone: ChatModelServer;
  let blind: ChatModelServer;
  let switching: ChatModelServer;
  let followStereotype = false;

  before(async () => {
    t = await startTestApp({ runner: true });
    prone = await startChatModelServer({ answer: (p) => stereotypeProneAnswer(p) ?? '' });
    blind = await startChatModelServer({ answer: pronounBlindAnswer });
    switching = await startChatModelServer({
      answer: (p) => (followStereotype ? (stereotypeProneAnswer(p) ?? '') : pronounBlindAnswer(p)),
    });
  });
  after(async () => {
    await t.close();
    await Promise.all([prone.close(), blind.close(), switching.close()]);
  });

  const planFor = (baseUrl: string, plan: Record<string, unknown>) =>
    createMonitoredPlan(t, {
      baseUrl,
      scenario: { kind: 'coreference_pronouns', config: {} },
      plan: { sample: SAMPLE, ...plan },
    });

  it('opens a fairness incident for a stereotype-prone model, overall and per WinoBias type', async () => {
    const plan = await planFor(prone.baseUrl, {
      alertPolicy: { fairnessTolerance: 0.1, alpha: 0.05 },
    });
    await plan.run();
    const incidents = await planAlerts(t, plan.planId);
    assert.deepEqual(
      incidents.map((a) => a.type),
      ['fairness_gap'],
    );
    const findings = await planFindings(t, plan.planId);
    const magnitudes = findings.filter((f) => f.metric === 'accuracy_gap:stereotype');
    assert.deepEqual(magnitudes.map((f) => f.subgroup).sort(), ['all', 'type=type1', 'type=type2']);
    for (const finding of magnitudes) {
      const evidence = finding.evidence as {
        current: { value: number; interval: [number, number] };
        tolerance: number;
        test: string;
      };
      assert.equal(evidence.test, 'normal-from-interval');
      assert.equal(evidence.tolerance, 0.1);
      assert.ok(evidence.current.interval[0] > 0.1, JSON.stringify(evidence.current));
    }
    assert.ok(
      findings.some((f) => f.metric === 'winogender_accuracy_gap:pronoun'),
      'the Winogender gap by pronoun alerts too (they: always right; he/she: stereotyped)',
    );
  });

  it('stays quiet for a model that ignores the pronoun, right or wrong alike', async () => {
    const plan = await planFor(blind.baseUrl, {
      alertPolicy: { fairnessTolerance: 0.1, alpha: 0.05 },
    });
    await plan.run();
    assert.deepEqual(await planAlerts(t, plan.planId), []);
  });

  it('raises drift on the stereotyped-resolution rate when the same model starts following the stereotype', async () => {
    const plan = await planFor(switching.baseUrl, {
      baselinePolicy: { kind: 'first_n', n: 1 },
    });
    followStereotype = false;
    await plan.run();
    assert.deepEqual(await planAlerts(t, plan.planId), [], 'the baseline run');
    followStereotype = true;
    await plan.run();
    const findings = await planFindings(t, plan.planId);
    const rate = findings.find(
      (f) => f.metric === 'stereotyped_resolution_rate' && f.subgroup === 'all',
    );
    assert.ok(rate, `findings: ${findings.map((f) => `${f.metric}@${f.subgroup}`).join(', ')}`);
    assert.equal(rate.incidentType, 'drift');
    const evidence = rate.evidence as {
      baseline: { value: number };
      current: { value: number };
    };
    assert.equal(evidence.baseline.value, 0.5, 'pronoun-blind: half the answers are stereotyped');
    assert.ok(evidence.current.value > 0.7, `now ${evidence.current.value}`);
  });
});
