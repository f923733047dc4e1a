import { type CounterfactualSamples, counterfactualDifference } from '@lastmile/metrics';
import type { MetricDefinition, MetricValue } from '../../scenario-kind';
import { type ItemSamples, numericStat } from '../../support/item-samples';
import { itemsByValue } from '../../support/subgroups';

export interface PairAttributes {
  pair: string;
  variant: string;
  /** Variants differences are taken against, first match per pair (e.g. male: female − male). */
  references: readonly string[];
}

/** An outcome compared across the variants of a pair: `sentiment` from stat 'sentiment' … */
export interface CounterfactualBase {
  name: string;
  statKey: string;
}

export const counterfactualMetricNames = (base: string) => ({
  gap: `${base}_counterfactual_gap`,
  difference: `${base}_counterfactual_difference`,
  sensitivity: `${base}_counterfactual_sensitivity`,
  noiseFloor: `${base}_counterfactual_noise_floor`,
  exceedsNoise: `${base}_counterfactual_exceeds_noise`,
});

/**
 * Run-level definitions: gap, sensitivity and the verdict alertable; the rest descriptive. Gaps,
 * differences and noise floors are in the outcome's unit; the verdict is a share of pairs.
 */
export function counterfactualDefinitions(
  base: string,
  unit?: MetricDefinition['unit'],
): MetricDefinition[] {
  const names = counterfactualMetricNames(base);
  const runLevel = (name: string, extra: Partial<MetricDefinition> = {}): MetricDefinition => ({
    name,
    direction: 'lower_is_better',
    statKind: 'mean',
    ...(unit ? { unit } : {}),
    level: 'run',
    itemValue: () => null,
    ...extra,
  });
  return [
    runLevel(names.gap, { fairnessMagnitude: true }),
    runLevel(names.difference, { descriptive: true }),
    runLevel(names.sensitivity),
    runLevel(names.noiseFloor, { descriptive: true }),
    runLevel(names.exceedsNoise, { statKind: 'proportion', unit: 'rate' }),
  ];
}

/**
 * Per complete pair, each non-reference variant against the reference, with per-sample outcomes.
 * The reference is the first of `references` the pair has, else its alphabetically first
 * variant, so a pair is always oriented the same way. Counts the items used.
 */
export function pairSamples(
  items: readonly ItemSamples[],
  attributes: PairAttributes,
  statKey: string,
): { pairs: CounterfactualSamples[]; items: number; noiseItems: number } {
  const pairs: CounterfactualSamples[] = [];
  let used = 0;
  let noiseItems = 0;
  for (const members of itemsByValue(items, attributes.pair).values()) {
    const byVariant = new Map<string, number[]>();
    for (const item of members) {
      const variant = item.attributes[attributes.variant];
      const values = item.samples.map((s) => numericStat(s, statKey)).filter((v) => v !== null);
      if (variant !== undefined && values.length > 0) byVariant.set(variant, values);
    }
    if (byVariant.size < 2) continue;
    const variants = [...byVariant.keys()].sort();
    const reference = attributes.references.find((r) => byVariant.has(r)) ?? variants[0];
    const referenceValues = byVariant.get(reference)!;
    for (const variant of variants.filter((v) => v !== reference)) {
      pairs.push({ variant: byVariant.get(variant)!, reference: referenceValues });
    }
    used += byVariant.size;
    if ([...byVariant.values()].every((v) => v.length >= 2)) noiseItems += byVariant.size;
  }
  return { pairs, items: used, noiseItems };
}

const foldAbsolute = (low: number, high: number) =>
  low <= 0 && high >= 0
    ? { low: 0, high: Math.max(-low, high) }
    : {
        low: Math.min(Math.abs(low), Math.abs(high)),
        high: Math.max(Math.abs(low), Math.abs(high)),
      };

/**
 * The counterfactual metrics of one base outcome in one subgroup (counterfactualDifference of
 * @lastmile/metrics): the signed difference variant − reference, its magnitude (the gap,
 * interval folded from the signed one), the sensitivity beyond the noise floor, the floor, and
 * whether the pairs differ more than repeated samples of one prompt do (1) or not (0). Floor,
 * sensitivity and verdict are null — unavailable, not 0 — without two samples per prompt.
 */
export function counterfactualValues(
  base: CounterfactualBase,
  items: readonly ItemSamples[],
  attributes: PairAttributes,
  subgroup: string,
  seed: number,
): MetricValue[] {
  const names = counterfactualMetricNames(base.name);
  const { pairs, items: n, noiseItems } = pairSamples(items, attributes, base.statKey);
  const value = (
    name: string,
    v: number | null,
    low: number | null,
    high: number | null,
    count = n,
  ) => ({
    name,
    subgroup,
    value: v,
    ciLow: v === null ? null : low,
    ciHigh: v === null ? null : high,
    n: v === null ? 0 : count,
  });
  if (pairs.length === 0) {
    return Object.values(names).map((name) => value(name, null, null, null));
  }
  const result = counterfactualDifference(pairs, { seed });
  const signed = result.differenceInterval;
  const folded = signed && foldAbsolute(signed.low, signed.high);
  return [
    value(names.gap, Math.abs(result.difference), folded?.low ?? null, folded?.high ?? null),
    value(names.difference, result.difference, signed?.low ?? null, signed?.high ?? null),
    value(
      names.sensitivity,
      result.sensitivity,
      result.sensitivityInterval?.low ?? null,
      result.sensitivityInterval?.high ?? null,
      noiseItems,
    ),
    value(names.noiseFloor, result.noiseFloor, null, null, noiseItems),
    value(
      names.exceedsNoise,
      result.exceedsNoise === null ? null : Number(result.exceedsNoise),
      null,
      null,
      noiseItems,
    ),
  ];
}
