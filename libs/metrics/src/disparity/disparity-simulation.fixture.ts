import { disparityDrift } from './disparity-drift';
import type { DisparityOptions } from './disparity.types';
import { disproportionatelyHurtGroups } from './hurt-groups';
import { simulateGroups, type SimulatedGroup } from './simulated-groups.fixture';

export const ACCENTS = ['en-029', 'en-us', 'en-gb', 'en-in'];

/** Four accent groups with these baseline WERs and changes (the first is the one watched). */
export const accents = (baseRates: number[], changes: number[]): SimulatedGroup[] =>
  ACCENTS.map((name, i) => ({ name, baseRate: baseRates[i], change: changes[i] }));

export interface SimulationSummary {
  /** Share of runs where any group was named hurt (BH across the groups at 5%). */
  anyNamed: number;
  /** Share of runs where the first group was named hurt. */
  firstNamed: number;
  /** Share of contrast intervals (every group, every run) holding the true contrast. */
  contrastCoverage: number;
  /** The same for the groups' current WER intervals. */
  currentCoverage: number;
}

/**
 * Repeated disparity tests on simulated slices (simulateGroups). The true contrast of a group is
 * its change minus the mean change of the others (equal sizes and word counts).
 */
export function simulateDisparity(
  seed: number,
  groups: readonly SimulatedGroup[],
  itemsPerGroup: number,
  repetitions: number,
  options: Partial<DisparityOptions> = {},
): SimulationSummary {
  let anyNamed = 0;
  let firstNamed = 0;
  let contrastCovered = 0;
  let currentCovered = 0;
  for (let r = 0; r < repetitions; r++) {
    const records = simulateGroups(seed * 100_003 + r, groups, itemsPerGroup);
    const result = disparityDrift(records, {
      direction: 'lower_is_better',
      seed: r,
      resamples: 200,
      permutations: 199,
      ...options,
    });
    const named = disproportionatelyHurtGroups(result, { alpha: 0.05 });
    if (named.length > 0) anyNamed++;
    if (named.some((g) => g.group === groups[0].name)) firstNamed++;
    for (const group of result.groups) {
      const own = groups.find((g) => g.name === group.group)!;
      const others = groups.filter((g) => g !== own);
      const truth = own.change - others.reduce((sum, g) => sum + g.change, 0) / others.length;
      const { low, high } = group.contrastInterval;
      if (low <= truth && truth <= high) contrastCovered++;
      const now = own.baseRate + own.change;
      if (group.current.interval.low <= now && now <= group.current.interval.high) currentCovered++;
    }
  }
  const intervals = repetitions * groups.length;
  return {
    anyNamed: anyNamed / repetitions,
    firstNamed: firstNamed / repetitions,
    contrastCoverage: contrastCovered / intervals,
    currentCoverage: currentCovered / intervals,
  };
}
