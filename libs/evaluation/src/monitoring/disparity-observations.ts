import {
  disparityDrift,
  disproportionatelyHurtGroups,
  type DisparityRecord,
  type DisparityResult,
} from '@lastmile/metrics';
import {
  disparityEvidence,
  isGroupComparable,
  severityFor,
  worstItems,
  type ItemValue,
} from '@lastmile/monitoring';
import { WATCH_PREFIX } from '@lastmile/scenarios';
import { sliceLabel, type AssessmentContext } from './assessment-context';
import { cellKey, clusterOf, type SliceState } from './slice-state';

/** One disparity test: a metric across the groups of one attribute (or cross cell) of a slice. */
export interface DisparityTest {
  slice: SliceState;
  metric: string;
  /** 'accent', or 'accent&noise' for a cross cell. */
  attribute: string;
  result: DisparityResult;
}

const fmt = (x: number) => `${x >= 0 ? '+' : ''}${Number(x.toPrecision(3))}`;

/** The attribute family of a subgroup name: 'accent' for accent=x, 'accent&noise' for a cell. */
function familyOf(subgroup: string): string {
  return subgroup
    .split('&')
    .map((part) => part.slice(0, part.indexOf('=')))
    .join('&');
}

/**
 * For every alertable metric and every breakdown attribute (and cross cell) with at least two
 * groups: the items shared with the baseline, each with its group and cluster (speaker), tested
 * for a change that differs between groups (libs/metrics disparityDrift: the contrast of each
 * group's change with the others' pooled change, cluster bootstrap, exact or Monte-Carlo
 * permutation at small n, Welch's t from 100 clusters).
 */
export function disparityTests(context: AssessmentContext): DisparityTest[] {
  const { input } = context;
  const tests: DisparityTest[] = [];
  for (const slice of input.slices) {
    for (const metric of input.metrics.filter(isGroupComparable)) {
      const current = slice.current[metric.name];
      const reference = slice.choices.get(cellKey(metric.name, 'all'))?.reference;
      const baselineItems = reference && input.referenceItems.get(reference.id);
      if (!current?.all || !baselineItems) continue;
      const families = new Map<string, Map<string, string>>();
      for (const [subgroup, items] of Object.entries(current)) {
        if (subgroup === 'all') continue;
        if (subgroup.startsWith(WATCH_PREFIX)) {
          families.set(subgroup, watchedFamily(subgroup, items, current.all));
          continue;
        }
        const members = families.get(familyOf(subgroup)) ?? new Map<string, string>();
        for (const itemId of Object.keys(items)) members.set(itemId, subgroup);
        families.set(familyOf(subgroup), members);
      }
      for (const [attribute, groupOf] of families) {
        if (new Set(groupOf.values()).size < 2) continue;
        const records = disparityRecords(slice, current.all, baselineItems, groupOf);
        if (records.length < 2) continue;
        const result = disparityDrift(records, {
          direction: metric.direction,
          seed: input.seed,
          alpha: input.alertPolicy.alpha,
          minEffect: input.alertPolicy.minEffect,
        });
        tests.push({ slice, metric: metric.name, attribute, result });
      }
    }
  }
  return tests;
}

/** A watched subset (a bounty finding) against every other item: is it hurt more than the rest? */
function watchedFamily(
  label: string,
  members: Record<string, ItemValue>,
  all: Record<string, ItemValue>,
): Map<string, string> {
  const groupOf = new Map<string, string>();
  for (const itemId in all) groupOf.set(itemId, itemId in members ? label : `not ${label}`);
  return groupOf;
}

function disparityRecords(
  slice: SliceState,
  current: Record<string, ItemValue>,
  baseline: Record<string, ItemValue>,
  groupOf: ReadonlyMap<string, string>,
): DisparityRecord[] {
  const records: DisparityRecord[] = [];
  for (const itemId in current) {
    const now = current[itemId];
    const before = baseline[itemId];
    const group = groupOf.get(itemId);
    if (!before || group === undefined) continue;
    const cluster = clusterOf(slice, itemId);
    records.push(
      cluster === undefined
        ? { itemId, group, baseline: before, current: now }
        : { itemId, group, cluster, baseline: before, current: now },
    );
  }
  return records;
}

/** The tested groups' one-sided p-values, in test and group order (for the run's joint BH step). */
export function disparityPValues(tests: readonly DisparityTest[]): number[] {
  return tests.flatMap((t) =>
    t.result.groups.flatMap((g) => (g.pWorse === null ? [] : [g.pWorse])),
  );
}

/**
 * A finding per group hurt disproportionately (q < α after the run's joint BH step, a contrast of
 * at least minEffect in the bad direction), a clean observation for a family with none; groups
 * too small or underpowered are listed in the run's monitoring summary.
 */
export async function observeDisparity(
  context: AssessmentContext,
  tests: readonly DisparityTest[],
  qValues: readonly number[],
): Promise<void> {
  const { input } = context;
  let next = 0;
  for (const test of tests) {
    const q = test.result.groups.map((g) => (g.pWorse === null ? null : qValues[next++]));
    for (const group of test.result.groups)
      if (group.status !== 'tested')
        context.underpowered.push({
          kind: 'disparity_drift',
          sliceId: test.slice.slice.id,
          metric: test.metric,
          subgroup: group.group,
          n: group.n,
          mde: Number.isFinite(group.mde) ? group.mde : null,
          status: group.status,
        });
    const hurt = disproportionatelyHurtGroups(test.result, {
      alpha: input.alertPolicy.alpha,
      minEffect: input.alertPolicy.minEffect,
      qValues: q,
    });
    if (hurt.length === 0) {
      context.observe(test.slice, 'disparity_drift', test.metric, test.attribute, null);
      continue;
    }
    const definition = context.definition(test.metric);
    const groups = test.result.groups.map((g, i) => ({
      group: g.group,
      n: g.n,
      clusters: g.clusters,
      baseline: {
        value: g.baseline.value,
        interval: [g.baseline.interval.low, g.baseline.interval.high] as [number, number],
      },
      current: {
        value: g.current.value,
        interval: [g.current.interval.low, g.current.interval.high] as [number, number],
      },
      delta: g.delta,
      contrast: g.contrast,
      contrastInterval: [g.contrastInterval.low, g.contrastInterval.high] as [number, number],
      pValue: g.pWorse,
      qValue: q[i],
      mde: Number.isFinite(g.mde) ? g.mde : null,
      status: g.status,
    }));
    const reference = test.slice.choices.get(cellKey(test.metric, 'all'))!.reference!;
    for (const group of hurt) {
      const groupItems = test.slice.current[test.metric][group.group] ?? {};
      const worst = worstItems(definition, input.referenceItems.get(reference.id)!, groupItems);
      const evidence = disparityEvidence(
        {
          metric: test.metric,
          attribute: test.attribute,
          direction: definition.direction,
          hurt: group.group,
          contrast: group.contrast,
          contrastInterval: [group.contrastInterval.low, group.contrastInterval.high],
          delta: group.delta,
          restDelta: group.restDelta,
          test: group.test,
          pValue: group.pWorse,
          qValue: group.qValue,
          minEffect: input.alertPolicy.minEffect,
          groups,
        },
        context.baselineEvidence(
          reference,
          test.slice.choices.get(cellKey(test.metric, 'all'))!.otherVersion,
        ),
        await context.evidenceContext(test.slice, test.metric, worst),
      );
      context.observe(test.slice, 'disparity_drift', test.metric, group.group, {
        severity: severityFor(group.badContrast, input.alertPolicy.severity),
        title: `${test.metric} on ${sliceLabel(test.slice)}: ${group.group} hurt more than the others (${fmt(group.delta)} against ${fmt(group.restDelta)})`,
        evidence,
        test: group.test,
        pValue: group.pWorse,
        qValue: group.qValue,
        effect: group.badContrast,
      });
    }
  }
}
