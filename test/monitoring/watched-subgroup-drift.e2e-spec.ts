import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { Database } from '@lastmile/persistence';
import { canonicalPredicate, parsePredicate, watchLabel } from '@lastmile/scenarios';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  createMonitoredPlan,
  planAlerts,
  planFindings,
  tenantWithSlice,
  type MonitoredPlan,
} from './support/monitored-plan';

const GROUPS = ['a', 'b', 'c', 'd'];
const PER_GROUP = 16;
// The accepted bounty finding: ward B's items of groups c and d (16 of 64 items).
const PREDICATE = canonicalPredicate(parsePredicate('group IN (c, d) AND ward = "B"'));
const LABEL = watchLabel(PREDICATE);

/**
 * An accepted bias-bounty finding becomes a subgroup the drift monitor watches: its items get a
 * baseline, are drift-tested like any subgroup, and are compared with the rest of the slice for a
 * disproportionate change (docs/bounties.md, "Watched subgroups").
 */
describe('watched subgroups (accepted bounty findings) in drift monitoring', () => {
  let t: TestApp;
  let model: ChatModelServer;
  let plan: MonitoredPlan;
  let hurtWardB = false;

  function answer(prompt: string): string {
    const [, group, index, ward] = /item ([a-d])-(\d+) of ward ([AB])/.exec(prompt) ?? [];
    const wrong = hurtWardB && ward === 'B' && (group === 'c' || group === 'd');
    return wrong ? 'unknown' : `code-${group}${index}`;
  }

  before(async () => {
    t = await startTestApp({ runner: true });
    model = await startChatModelServer({ answer });
    const rows = GROUPS.flatMap((group) =>
      Array.from({ length: PER_GROUP }, (_, i) => {
        const ward = i < PER_GROUP / 2 ? 'B' : 'A';
        return {
          id: `${group}-${i}`,
          input: `What is the code word of item ${group}-${i} of ward ${ward}?`,
          references: [`code-${group}${i}`],
          attributes: { group, ward },
        };
      }),
    );
    const { tenant, sliceId } = await tenantWithSlice(t, 'wards', rows);
    plan = await createMonitoredPlan(t, {
      baseUrl: model.baseUrl,
      scenario: { kind: 'qa', config: { breakdownBy: ['group'] } },
      plan: {
        tenant,
        sliceIds: [sliceId],
        baselinePolicy: { kind: 'first_n', n: 2 },
        alertPolicy: { alpha: 0.05, minEffect: 0.05 },
      },
    });
    // What accepting the finding does (BountyVerifier): the model's plans watch the subset.
    const watching = await new Database(t.dataSource).stores.plans.addWatchedSubgroup(
      plan.modelId,
      {
        label: LABEL,
        predicate: PREDICATE,
        source: { programId: randomUUID(), submissionId: randomUUID(), researcher: 'Ada' },
        addedAt: new Date().toISOString(),
      },
      randomUUID(),
    );
    assert.deepEqual(watching, [plan.planId]);
    for (let i = 0; i < 2; i++) assert.equal((await plan.run()).status, 'succeeded');
  });

  after(async () => {
    await t.close();
    await model.close();
  });

  it('drift-tests the watched subset and names it as hurt more than the rest', async () => {
    hurtWardB = true;
    await plan.run();
    const findings = await planFindings(t, plan.planId);
    const drift = findings.filter((f) => f.kind === 'drift' && f.metric === 'exact_match');
    // The subset went 100% → 0%; groups c and d 100% → 50%; all 100% → 75%.
    assert.ok(
      drift.some((f) => f.subgroup === LABEL),
      `a drift finding on ${LABEL}: ${drift.map((f) => f.subgroup).join(', ')}`,
    );
    const disparity = findings.filter(
      (f) => f.kind === 'disparity_drift' && f.metric === 'exact_match',
    );
    const watched = disparity.find((f) => f.subgroup === LABEL);
    assert.ok(watched, `a disparity finding on ${LABEL}`);
    const evidence = watched.evidence as {
      delta: number;
      restDelta: number;
      groups: { group: string; baseline: { value: number }; current: { value: number } }[];
    };
    assert.equal(evidence.delta, -1);
    assert.equal(evidence.restDelta, 0);
    assert.deepEqual(
      evidence.groups.map((g) => [g.group, g.baseline.value, g.current.value]),
      [
        [`not ${LABEL}`, 1, 1],
        [LABEL, 1, 0],
      ],
    );
    const types = (await planAlerts(t, plan.planId)).map((a) => a.type).sort();
    assert.deepEqual(types, ['disparity_drift', 'drift']);
  });
});
