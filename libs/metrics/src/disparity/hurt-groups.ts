import { benjaminiHochbergQValues } from '../stats/benjamini-hochberg';
import type { DisparityResult, GroupDisparity } from './disparity.types';

export type HurtGroup = GroupDisparity & { qValue: number };

export interface HurtGroupOptions {
  /** False discovery rate (default: the result's alpha). */
  alpha?: number;
  /** Smallest bad contrast worth naming (default 0). */
  minEffect?: number;
  /**
   * q-values of the groups' pWorse in the order of result.groups, when the caller adjusted them
   * together with the run's other tests; by default BH across this result's tested groups.
   */
  qValues?: readonly (number | null)[];
}

/**
 * The groups hurt disproportionately: one-sided q < alpha, a contrast in the bad direction of at
 * least minEffect; worst first. 'too_small' groups have no test and are never named.
 */
export function disproportionatelyHurtGroups(
  result: DisparityResult,
  options: HurtGroupOptions = {},
): HurtGroup[] {
  const alpha = options.alpha ?? result.alpha;
  const minEffect = options.minEffect ?? 0;
  const qValues = options.qValues ?? ownQValues(result.groups);
  return result.groups
    .map((group, i) => ({ ...group, qValue: qValues[i] ?? 1 }))
    .filter((g) => g.pWorse !== null && g.qValue < alpha)
    .filter((g) => g.badContrast > 0 && g.badContrast >= minEffect)
    .sort((a, b) => b.badContrast - a.badContrast);
}

function ownQValues(groups: readonly GroupDisparity[]): (number | null)[] {
  const tested = groups.flatMap((g, i) => (g.pWorse === null ? [] : [{ i, p: g.pWorse }]));
  const q = benjaminiHochbergQValues(tested.map((t) => t.p));
  const out: (number | null)[] = groups.map(() => null);
  tested.forEach((t, k) => (out[t.i] = q[k]));
  return out;
}
