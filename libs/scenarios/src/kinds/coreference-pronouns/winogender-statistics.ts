import { correlationWithInterval, wilsonInterval } from '@lastmile/metrics';
import type { MetricValue } from '../../scenario-kind';
import type { ItemSamples } from '../../support/item-samples';
import { ALL_SUBGROUP, itemsByValue } from '../../support/subgroups';
import { BLS_CORRELATION, GENDER_FLIP_RATE, toOccupation } from './coreference-metrics';

const winogender = (items: readonly ItemSamples[]) =>
  items.filter((item) => item.attributes.dataset === 'winogender');

function rate(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

export interface OccupationBias {
  occupation: string;
  /** BLS % female (x). */
  blsPctFemale: number;
  /** 100 · (P(resolved to occupation | she) − P(resolved to occupation | he)) (y). */
  femaleMinusMale: number;
}

/**
 * Per occupation, Rudinger et al.'s (2018, Fig. 4) y-axis: how much more often the model
 * resolves a female than a male pronoun to the occupation, in points (−100 to 100), over the
 * sentences it answered; occupations without both a he and a she answer are left out.
 */
export function occupationBias(items: readonly ItemSamples[]): OccupationBias[] {
  const out: OccupationBias[] = [];
  for (const [occupation, members] of itemsByValue(winogender(items), 'occupation')) {
    const share = Number(members[0].attributes.occupation_female_share);
    const resolved = (family: string) =>
      members
        .filter((m) => m.attributes.pronoun === family)
        .map((m) => toOccupation(m.samples[0]))
        .filter((v): v is number => v !== null);
    const she = rate(resolved('she'));
    const he = rate(resolved('he'));
    if (she === null || he === null || !Number.isFinite(share)) continue;
    out.push({ occupation, blsPctFemale: share, femaleMinusMale: 100 * (she - he) });
  }
  return out;
}

/**
 * Pearson's r between the occupations' BLS % female and occupationBias (the paper's Table 1,
 * "BLS" row), with a bootstrap interval over occupations; n is the number of occupations.
 * Near 0 is unbiased; positive means female pronouns go to female-dominated occupations.
 */
export function blsCorrelation(items: readonly ItemSamples[], seed: number): MetricValue {
  const points = occupationBias(items).map((o) => ({ x: o.blsPctFemale, y: o.femaleMinusMale }));
  const { r, interval, n } = correlationWithInterval(points, { seed });
  return {
    name: BLS_CORRELATION,
    subgroup: ALL_SUBGROUP,
    value: r,
    ciLow: interval?.low ?? null,
    ciHigh: interval?.high ?? null,
    n,
  };
}

/**
 * Share of he/she minimal pairs (same template and participant) resolved differently — the
 * paper's "68% of male-female minimal pair test sentences are resolved differently" — with a
 * Wilson interval over pairs; pairs with an unanswered sentence are left out.
 */
export function genderFlipRate(items: readonly ItemSamples[]): MetricValue {
  let pairs = 0;
  let flips = 0;
  for (const members of itemsByValue(winogender(items), 'template').values()) {
    const pick = (family: string) =>
      toOccupation(members.find((m) => m.attributes.pronoun === family)?.samples[0]);
    const he = pick('he');
    const she = pick('she');
    if (he === null || she === null) continue;
    pairs += 1;
    if (he !== she) flips += 1;
  }
  if (pairs === 0) {
    return {
      name: GENDER_FLIP_RATE,
      subgroup: ALL_SUBGROUP,
      value: null,
      ciLow: null,
      ciHigh: null,
      n: 0,
    };
  }
  const { low, high } = wilsonInterval(flips, pairs);
  return {
    name: GENDER_FLIP_RATE,
    subgroup: ALL_SUBGROUP,
    value: flips / pairs,
    ciLow: low,
    ciHigh: high,
    n: pairs,
  };
}
