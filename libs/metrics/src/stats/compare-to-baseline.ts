import type { RatioItem } from './bootstrap-ratio';
import { pairedRatioDifferenceDraws, unpairedRatioDifferenceDraws } from './bootstrap-difference';
import { bootstrapChangeTest } from './bootstrap-test';
import { DELTA_METHOD_MIN_UNITS, deltaMethodChangeTest } from './delta-method-test';
import { badSign } from './direction';
import { DEFAULT_CONFIDENCE, DEFAULT_RESAMPLES } from './interval';
import type { CompareInput, CompareOptions, DriftComparison } from './drift-comparison';
import { itemEntries, sharedIds, shouldPair, type ItemStats } from './item-stats';
import { comparePairedProportion } from './paired-proportion';
import { compareTwoProportions } from './two-proportion';

/** Is this run worse than the baseline? Chooses the test from the metric kind and pairing. */
export function compareToBaseline(input: CompareInput): DriftComparison {
  const { current, baseline } = toRatioItems(input);
  const shared = sharedIds(current, baseline);
  const paired = shouldPair(input.paired, shared.length, current.size, baseline.size);
  const cur = paired ? shared.map((id) => current.get(id)!) : [...current.values()];
  const base = paired ? shared.map((id) => baseline.get(id)!) : [...baseline.values()];
  return compareItems(input, columnsOf(cur), columnsOf(base), paired);
}

/**
 * One run's items as columns; `cluster` names the unit an item's errors are correlated within
 * (a speaker), undefined for an item that is its own unit.
 */
export interface ItemColumns {
  num: Float64Array;
  den: Float64Array;
  cluster?: readonly (string | undefined)[];
}

/**
 * compareToBaseline on items already lined up: position k of `current` and `baseline` is the same
 * item when paired (the monitor pairs by id itself, without building maps). A proportion's items
 * must be 0/1 with denominator 1; mean items have denominator 1.
 */
export function compareItems(
  input: CompareOptions & { kind: CompareInput['kind'] },
  current: ItemColumns,
  baseline: ItemColumns,
  paired: boolean,
): DriftComparison {
  const minEffect = input.minEffect ?? 0;
  if (!(minEffect >= 0)) throw new RangeError(`minEffect must be ≥ 0, got ${minEffect}`);
  const confidence = input.confidence ?? DEFAULT_CONFIDENCE;
  const sign = badSign(input.direction);
  const size = { current: current.num.length, baseline: baseline.num.length };
  if (size.current === 0 || size.baseline === 0) {
    throw new RangeError(paired ? 'no shared items to pair' : 'both runs need at least one item');
  }
  const common = {
    kind: input.kind,
    direction: input.direction,
    paired,
    baselineValue: sumOf(baseline.num) / sumOf(baseline.den),
    currentValue: sumOf(current.num) / sumOf(current.den),
    confidence,
    minEffect,
    n: size,
  };
  const outcome = runTest(
    input.kind,
    current,
    baseline,
    paired,
    sign,
    minEffect,
    confidence,
    input,
  );
  return {
    ...common,
    test: outcome.test,
    delta: common.currentValue - common.baselineValue,
    deltaInterval: outcome.deltaInterval,
    pValue: outcome.pValue,
    pWorse: outcome.oneSided.worse,
    pBetter: outcome.oneSided.better,
  };
}

function runTest(
  kind: CompareInput['kind'],
  cur: ItemColumns,
  base: ItemColumns,
  paired: boolean,
  sign: 1 | -1,
  minEffect: number,
  confidence: number,
  input: CompareOptions,
) {
  if (kind === 'proportion') {
    if (paired) {
      let lost = 0;
      let gained = 0;
      for (let i = 0; i < cur.num.length; i++) {
        if (base.num[i] > cur.num[i]) lost++;
        if (base.num[i] < cur.num[i]) gained++;
      }
      const counts = { n: cur.num.length, lost, gained };
      return comparePairedProportion(counts, sign, minEffect, confidence);
    }
    const count = (xs: ItemColumns) => ({ successes: sumOf(xs.num), n: xs.num.length });
    return compareTwoProportions(count(cur), count(base), sign, minEffect, confidence);
  }
  const clustered = Boolean(cur.cluster || base.cluster);
  // Every item is its own unit unless items name a group (cluster).
  const units = (items: ItemColumns) =>
    items.cluster
      ? new Set(items.cluster.map((cluster, i) => cluster ?? `item:${i}`)).size
      : items.num.length;
  if (Math.min(units(cur), units(base)) >= DELTA_METHOD_MIN_UNITS) {
    const outcome = clustered
      ? deltaMethodChangeTest(
          paired
            ? { paired: true, pairs: pairRecords(cur, base) }
            : { paired: false, current: ratioItems(cur), baseline: ratioItems(base) },
          sign,
          minEffect,
          confidence,
        )
      : deltaMethodChangeTest(
          paired
            ? {
                paired: true,
                columns: {
                  currentNum: cur.num,
                  currentDen: cur.den,
                  baselineNum: base.num,
                  baselineDen: base.den,
                },
              }
            : { paired: false, current: cur, baseline: base },
          sign,
          minEffect,
          confidence,
        );
    return { test: paired ? ('paired-delta-z' as const) : ('delta-z' as const), ...outcome };
  }
  const resamples = input.resamples ?? DEFAULT_RESAMPLES;
  const curItems = ratioItems(cur);
  const baseItems = ratioItems(base);
  const draws = paired
    ? pairedRatioDifferenceDraws(
        curItems.map((c, i) => ({
          current: c,
          baseline: baseItems[i],
          group: c.group ?? baseItems[i].group,
        })),
        input.seed,
        resamples,
      )
    : unpairedRatioDifferenceDraws(curItems, baseItems, input.seed, resamples);
  const test = paired ? ('paired-bootstrap' as const) : ('bootstrap' as const);
  return { test, ...bootstrapChangeTest(draws, sign, minEffect, confidence) };
}

/** Lined-up items as records for the clustered delta method (a cluster from either side). */
function pairRecords(cur: ItemColumns, base: ItemColumns) {
  return Array.from({ length: cur.num.length }, (_, i) => {
    const cluster = cur.cluster?.[i] ?? base.cluster?.[i];
    const current = { num: cur.num[i], den: cur.den[i] };
    const baseline = { num: base.num[i], den: base.den[i] };
    return cluster
      ? { itemId: String(i), cluster, current, baseline }
      : { itemId: String(i), current, baseline };
  });
}

function ratioItems(items: ItemColumns): RatioItem[] {
  return Array.from({ length: items.num.length }, (_, i) => {
    const group = items.cluster?.[i];
    return group === undefined
      ? { num: items.num[i], den: items.den[i] }
      : { num: items.num[i], den: items.den[i], group };
  });
}

function columnsOf(items: readonly RatioItem[]): ItemColumns {
  const columns: ItemColumns = {
    num: Float64Array.from(items, (item) => item.num),
    den: Float64Array.from(items, (item) => item.den),
  };
  return items.some((item) => item.group !== undefined)
    ? { ...columns, cluster: items.map((item) => item.group) }
    : columns;
}

/**
 * Every kind as numerator/denominator by item id: a proportion or mean is a ratio with
 * denominator 1. A Map of ratio items is used as given (the monitor's subgroups are large).
 */
function toRatioItems(input: CompareInput): {
  current: ReadonlyMap<string, RatioItem>;
  baseline: ReadonlyMap<string, RatioItem>;
} {
  if (input.kind === 'ratio') {
    const asMap = (stats: ItemStats<RatioItem>) =>
      stats instanceof Map ? stats : new Map(itemEntries(stats));
    return { current: asMap(input.current), baseline: asMap(input.baseline) };
  }
  const asUnit = (value: boolean | number, id: string): RatioItem => {
    const num = Number(value);
    if (input.kind === 'proportion' && num !== 0 && num !== 1) {
      throw new RangeError(`proportion item ${id} must be 0/1 or boolean, got ${value}`);
    }
    return { num, den: 1 };
  };
  const convert = (stats: ItemStats<boolean | number>) => {
    const out = new Map<string, RatioItem>();
    for (const [id, value] of itemEntries(stats)) out.set(id, asUnit(value, id));
    return out;
  };
  return { current: convert(input.current), baseline: convert(input.baseline) };
}

function sumOf(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum;
}
