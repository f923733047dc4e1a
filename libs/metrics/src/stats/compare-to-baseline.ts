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
  const minEffect = input.minEffect ?? 0;
  if (!(minEffect >= 0)) throw new RangeError(`minEffect must be ≥ 0, got ${minEffect}`);
  const confidence = input.confidence ?? DEFAULT_CONFIDENCE;
  const sign = badSign(input.direction);
  const { current, baseline } = toRatioItems(input);
  const shared = sharedIds(current, baseline);
  const paired = shouldPair(input.paired, shared.length, current.size, baseline.size);
  const cur = paired ? shared.map((id) => current.get(id)!) : [...current.values()];
  const base = paired ? shared.map((id) => baseline.get(id)!) : [...baseline.values()];
  if (cur.length === 0 || base.length === 0) {
    throw new RangeError(paired ? 'no shared items to pair' : 'both runs need at least one item');
  }
  const common = {
    kind: input.kind,
    direction: input.direction,
    paired,
    baselineValue: corpusRatio(base),
    currentValue: corpusRatio(cur),
    confidence,
    minEffect,
    n: { baseline: base.length, current: cur.length },
  };
  const outcome = runTest(input.kind, cur, base, paired, sign, minEffect, confidence, input);
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
  cur: RatioItem[],
  base: RatioItem[],
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
      cur.forEach((item, i) => {
        if (base[i].num > item.num) lost++;
        if (base[i].num < item.num) gained++;
      });
      const counts = { n: cur.length, lost, gained };
      return comparePairedProportion(counts, sign, minEffect, confidence);
    }
    const count = (xs: RatioItem[]) => ({ successes: sumOf(xs, 'num'), n: xs.length });
    return compareTwoProportions(count(cur), count(base), sign, minEffect, confidence);
  }
  // Every item is its own unit unless items name a group (cluster).
  const units = (items: readonly RatioItem[]) =>
    items.some((item) => item.group !== undefined)
      ? new Set(items.map((item, i) => item.group ?? `item:${i}`)).size
      : items.length;
  if (Math.min(units(cur), units(base)) >= DELTA_METHOD_MIN_UNITS) {
    const outcome = deltaMethodChangeTest(
      paired
        ? {
            paired: true,
            pairs: cur.map((c, i) => {
              const cluster = c.group ?? base[i].group;
              return cluster
                ? { itemId: String(i), cluster, current: c, baseline: base[i] }
                : { itemId: String(i), current: c, baseline: base[i] };
            }),
          }
        : { paired: false, current: cur, baseline: base },
      sign,
      minEffect,
      confidence,
    );
    return { test: paired ? ('paired-delta-z' as const) : ('delta-z' as const), ...outcome };
  }
  const resamples = input.resamples ?? DEFAULT_RESAMPLES;
  const draws = paired
    ? pairedRatioDifferenceDraws(
        cur.map((c, i) => ({ current: c, baseline: base[i], group: c.group ?? base[i].group })),
        input.seed,
        resamples,
      )
    : unpairedRatioDifferenceDraws(cur, base, input.seed, resamples);
  const test = paired ? ('paired-bootstrap' as const) : ('bootstrap' as const);
  return { test, ...bootstrapChangeTest(draws, sign, minEffect, confidence) };
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

function corpusRatio(items: readonly RatioItem[]): number {
  return sumOf(items, 'num') / sumOf(items, 'den');
}

function sumOf(items: readonly RatioItem[], key: 'num' | 'den'): number {
  return items.reduce((sum, item) => sum + item[key], 0);
}
