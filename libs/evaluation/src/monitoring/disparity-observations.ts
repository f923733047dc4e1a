import {
  disparityDriftOfColumns,
  disproportionatelyHurtGroups,
  type DisparityColumns,
  type DisparityResult,
} from '@lastmile/metrics';
import {
  alignItems,
  disparityEvidence,
  isGroupComparable,
  ItemValues,
  positionsIn,
  severityFor,
  worstItems,
  type ItemAlignment,
} from '@lastmile/monitoring';
import { WATCH_PREFIX } from '@lastmile/scenarios';
import { sliceLabel, type AssessmentContext } from './assessment-context';
import { cellKey, clusterIndex, type SliceState } from './slice-state';

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
      const aligned = alignItems(current.all, baselineItems);
      const cluster = clusterIndex(slice, current.all);
      for (const [attribute, family] of familiesOf(current)) {
        if (new Set(family.group.filter((g) => g >= 0)).size < 2) continue;
        const columns = disparityColumns(current.all, baselineItems, aligned, family, cluster);
        if (columns.group.length < 2) continue;
        const result = disparityDriftOfColumns(columns, {
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

/** The groups of one attribute family: their names and each item's group (−1: none), by position in `all`. */
interface Family {
  names: string[];
  group: Int32Array;
}

/**
 * Each attribute family ('accent', 'accent&noise') with its groups; a watched subset (a bounty
 * finding) is a family of its own, the subset against every other item.
 */
function familiesOf(current: Record<string, ItemValues>): Map<string, Family> {
  const all = current.all;
  const families = new Map<string, Family>();
  for (const [subgroup, items] of Object.entries(current)) {
    if (subgroup === 'all') continue;
    const watched = subgroup.startsWith(WATCH_PREFIX);
    const name = watched ? subgroup : familyOf(subgroup);
    const family = families.get(name) ?? {
      names: watched ? [`not ${subgroup}`] : [],
      group: new Int32Array(all.size).fill(watched ? 0 : -1),
    };
    families.set(name, family);
    const index = family.names.push(subgroup) - 1;
    for (const at of positionsIn(items.ids, all.ids)) if (at >= 0) family.group[at] = index;
  }
  return families;
}

/** The items shared with the baseline that are in one of the family's groups, as columns. */
function disparityColumns(
  all: ItemValues,
  baseline: ItemValues,
  aligned: ItemAlignment,
  family: Family,
  cluster: Int32Array | undefined,
): DisparityColumns {
  let size = 0;
  for (let k = 0; k < aligned.current.length; k++)
    if (family.group[aligned.current[k]] >= 0) size++;
  const columns = {
    groupNames: family.names,
    group: new Int32Array(size),
    currentNum: new Float64Array(size),
    currentDen: new Float64Array(size),
    baselineNum: new Float64Array(size),
    baselineDen: new Float64Array(size),
    ...(cluster ? { cluster: new Int32Array(size) } : {}),
  };
  for (let k = 0, out = 0; k < aligned.current.length; k++) {
    const at = aligned.current[k];
    if (family.group[at] < 0) continue;
    const before = aligned.baseline[k];
    columns.group[out] = family.group[at];
    columns.currentNum[out] = all.num[at];
    columns.currentDen[out] = all.den[at];
    columns.baselineNum[out] = baseline.num[before];
    columns.baselineDen[out] = baseline.den[before];
    if (cluster) columns.cluster![out] = cluster[at];
    out += 1;
  }
  return columns;
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
  const judged = tests.map((test) => {
    const q = test.result.groups.map((g) => (g.pWorse === null ? null : qValues[next++]));
    const hurt = disproportionatelyHurtGroups(test.result, {
      alpha: input.alertPolicy.alpha,
      minEffect: input.alertPolicy.minEffect,
      qValues: q,
    });
    const worst = hurt.map((group) => worstOfGroup(context, test, group.group));
    return { test, q, hurt, worst };
  });
  // Every hurt group's worst items in one query, not one per finding.
  await context.prefetchItemDetails(
    judged.flatMap(({ test, worst }) => worst.map((list) => ({ slice: test.slice, worst: list }))),
  );
  for (const { test, q, hurt, worst: worstLists } of judged) {
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
    for (const [index, group] of hurt.entries()) {
      const worst = worstLists[index];
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

/** The items of a hurt group that moved its metric most, against the slice's baseline. */
function worstOfGroup(context: AssessmentContext, test: DisparityTest, group: string) {
  const reference = test.slice.choices.get(cellKey(test.metric, 'all'))!.reference!;
  return worstItems(
    context.definition(test.metric),
    context.input.referenceItems.get(reference.id)!,
    test.slice.current[test.metric][group] ?? ItemValues.empty,
  );
}
