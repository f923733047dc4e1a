import { benjaminiHochbergQValues } from '../stats/benjamini-hochberg';
import {
  proportionParity,
  type ParityResult,
  type ParityVerdict,
} from '../stats/proportion-parity';
import { rateCounts, type ConfusionCounts, type GroupRateName } from './group-rates';
import { keyedEntries } from './rate-estimate';

export interface GroupParityOptions {
  rate: GroupRateName;
  /** Largest acceptable difference of the rate between any two groups, e.g. 0.01. */
  tolerance: number;
  alpha?: number;
  power?: number;
}

export interface GroupPairParity {
  groups: [string, string];
  result: ParityResult;
  /** BH-adjusted disparity p across all pairs. */
  qDisparity: number;
}

/**
 * Parity of one rate across all groups by pairwise TOST. Parity is shown only when every pair
 * shows it (an intersection–union test, valid at alpha without adjustment); disparity when some
 * pair's BH-adjusted disparity q is below alpha; otherwise inconclusive.
 */
export function groupParity(
  counts: ReadonlyMap<string, ConfusionCounts> | Readonly<Record<string, ConfusionCounts>>,
  options: GroupParityOptions,
): { verdict: ParityVerdict; pairs: GroupPairParity[]; itemsPerGroupNeeded: number | null } {
  const alpha = options.alpha ?? 0.05;
  const groups = keyedEntries(counts)
    .map(([group, c]) => ({ group, count: rateCounts(c, options.rate) }))
    .filter(({ count }) => count.n > 0);
  if (groups.length < 2) throw new RangeError('parity needs at least two groups with data');
  const tests: { groups: [string, string]; result: ParityResult }[] = [];
  groups.forEach((a, i) =>
    groups.slice(i + 1).forEach((b) => {
      tests.push({
        groups: [a.group, b.group],
        result: proportionParity(a.count, b.count, { ...options, alpha }),
      });
    }),
  );
  const q = benjaminiHochbergQValues(tests.map((t) => t.result.pDisparity));
  const pairs = tests.map((t, i) => ({ ...t, qDisparity: q[i] }));
  const verdict: ParityVerdict = pairs.every((p) => p.result.verdict === 'parity_shown')
    ? 'parity_shown'
    : pairs.some((p) => p.qDisparity < alpha)
      ? 'disparity_detected'
      : 'inconclusive';
  const needs = pairs.map((p) => p.result.itemsPerGroupNeeded);
  const itemsPerGroupNeeded = needs.some((n) => n === null)
    ? null
    : Math.max(...(needs as number[]));
  return { verdict, pairs, itemsPerGroupNeeded };
}
