import { MOMENTS } from '../stats/paired-units';
import { createRng } from '../stats/rng';
import type { GroupUnits } from './group-units';

/** Bootstrap draws per group: its baseline and current ratios, its change and its contrast. */
export interface GroupDraws {
  baseline: Float64Array;
  current: Float64Array;
  delta: Float64Array;
  contrast: Float64Array;
}

/**
 * Stratified cluster bootstrap: each replicate resamples every group's units within the group
 * (so group sizes stay fixed) and recomputes every group's ratios, change and contrast against
 * the others pooled from the same replicate. O(units) per replicate for all groups together.
 */
export function stratifiedBootstrap(
  grouped: GroupUnits,
  seed: number,
  resamples: number,
): GroupDraws[] {
  const { members, units } = grouped;
  const groups = members.length;
  const draws = members.map(() => ({
    baseline: new Float64Array(resamples),
    current: new Float64Array(resamples),
    delta: new Float64Array(resamples),
    contrast: new Float64Array(resamples),
  }));
  const rng = createRng(seed);
  const sums = new Float64Array(groups * 4);
  for (let r = 0; r < resamples; r++) {
    sums.fill(0);
    const total = [0, 0, 0, 0];
    for (let g = 0; g < groups; g++) {
      const unitsOfGroup = members[g];
      const size = unitsOfGroup.length;
      for (let i = 0; i < size; i++) {
        const offset = unitsOfGroup[Math.floor(rng() * size)] * MOMENTS;
        for (let j = 0; j < 4; j++) sums[g * 4 + j] += units.moments[offset + j];
      }
      for (let j = 0; j < 4; j++) total[j] += sums[g * 4 + j];
    }
    for (let g = 0; g < groups; g++) {
      const [a, b, e, f] = sums.subarray(g * 4, g * 4 + 4);
      const delta = a / b - e / f;
      const restDelta = (total[0] - a) / (total[1] - b) - (total[2] - e) / (total[3] - f);
      draws[g].current[r] = a / b;
      draws[g].baseline[r] = e / f;
      draws[g].delta[r] = delta;
      draws[g].contrast[r] = delta - restDelta;
    }
  }
  return draws;
}
