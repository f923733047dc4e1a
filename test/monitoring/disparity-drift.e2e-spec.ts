import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
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

/**
 * Who is hurt: a change that hits every group alike is one drift incident; one that hits group d
 * far harder than the rest is also a disparity incident naming d, and only d.
 */
describe('disparity drift: one group hurt more than the others', () => {
  let t: TestApp;
  let model: ChatModelServer;
  let plan: MonitoredPlan;
  let phase: 'clean' | 'equal' | 'one' = 'clean';

  /** Right, or wrong on the items this phase breaks (the prompt carries "item <group>-<i>"). */
  function answer(prompt: string): string {
    const [, group, index] = /item ([a-d])-(\d+)/.exec(prompt) ?? [];
    const i = Number(index);
    const wrong =
      phase === 'equal' ? i % 2 === 0 : phase === 'one' ? group === 'd' || i < 2 : false;
    return wrong ? 'unknown' : `code-${group}${i}`;
  }

  before(async () => {
    t = await startTestApp({ runner: true });
    model = await startChatModelServer({ answer });
    const rows = GROUPS.flatMap((group) =>
      Array.from({ length: PER_GROUP }, (_, i) => ({
        id: `${group}-${i}`,
        input: `What is the code word of item ${group}-${i}?`,
        references: [`code-${group}${i}`],
        attributes: { group },
      })),
    );
    const { tenant, sliceId } = await tenantWithSlice(t, 'groups', rows);
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
    for (let i = 0; i < 2; i++) assert.equal((await plan.run()).status, 'succeeded');
  });

  after(async () => {
    await t.close();
    await model.close();
  });

  it('opens one drift incident, and no disparity, when every group drops alike', async () => {
    phase = 'equal';
    const run = await plan.run();
    const incidents = await planAlerts(t, plan.planId);
    assert.deepEqual(
      incidents.map((a) => a.type),
      ['drift'],
      'three metrics × all and four groups: one incident',
    );
    const findings = await planFindings(t, plan.planId);
    assert.deepEqual([...new Set(findings.map((f) => f.subgroup))].sort(), [
      'all',
      'group=a',
      'group=b',
      'group=c',
      'group=d',
    ]);
    assert.ok(findings.every((f) => f.kind === 'drift'));
    // Every group's contrast was tested (none too small) and found nothing.
    const skipped = (run.monitoring as { underpowered?: { kind: string; status: string }[] })
      .underpowered;
    assert.ok(Array.isArray(skipped), 'the run lists its tests short of power');
    assert.ok(!skipped.some((u) => u.kind === 'disparity_drift' && u.status === 'too_small'));
  });

  it('names the group hurt more than the others, with each group’s baseline → now', async () => {
    phase = 'one';
    await plan.run();
    const incidents = await planAlerts(t, plan.planId);
    assert.deepEqual(incidents.map((a) => a.type).sort(), ['disparity_drift', 'drift']);
    const disparity = (await planFindings(t, plan.planId)).filter(
      (f) => f.kind === 'disparity_drift',
    );
    assert.deepEqual([...new Set(disparity.map((f) => f.subgroup))], ['group=d']);
    const exact = disparity.find((f) => f.metric === 'exact_match')!;
    const evidence = exact.evidence as {
      hurtGroup: string;
      delta: number;
      restDelta: number;
      contrast: number;
      contrastInterval: [number, number];
      qValue: number;
      groups: { group: string; baseline: { value: number }; current: { value: number } }[];
      worstItems: { itemId: string }[];
    };
    // d: 100% → 0%; a, b, c: 100% → 87.5% each (2 of 16 wrong). Contrast −1 − (−0.125).
    assert.equal(evidence.hurtGroup, 'group=d');
    assert.equal(evidence.delta, -1);
    assert.equal(evidence.restDelta, -0.125);
    assert.equal(evidence.contrast, -0.875);
    assert.ok(evidence.contrastInterval[1] < 0);
    assert.ok(evidence.qValue < 0.05);
    assert.deepEqual(
      evidence.groups.map((g) => [g.group, g.baseline.value, g.current.value]),
      [
        ['group=a', 1, 0.875],
        ['group=b', 1, 0.875],
        ['group=c', 1, 0.875],
        ['group=d', 1, 0],
      ],
    );
    assert.ok(evidence.worstItems.every((item) => item.itemId.startsWith('d-')));
  });
});
