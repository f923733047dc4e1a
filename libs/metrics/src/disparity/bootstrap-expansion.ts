import { linearizedVariance, residualSquares, residualSum } from '../stats/paired-units';
import type { GroupUnits } from './group-units';

/**
 * How much the stratified bootstrap understates the variance of group g's contrast, and the
 * degrees of freedom to expand its percentiles with (expandedConfidence). The group's part:
 * (k − 1)/k of its linearised variance; the rest's: within each other group, Σ(u − ū)² against
 * k/(k − 1)·Σ(u − ū)², u linearised at the rest's pooled ratios. df: Welch–Satterthwaite with
 * k − 1 for the group and (units − groups) for the rest.
 */
export function contrastExpansion(
  grouped: GroupUnits,
  g: number,
): { varianceRatio: number | undefined; df: number } {
  const size = grouped.members[g].length;
  const group = grouped.groupMoments[g];
  const groupVariance = linearizedVariance(group, size);
  const rest = grouped.total.map((value, j) => value - group[j]);
  const [ra, re] = [rest[0] / rest[1], rest[2] / rest[3]];
  let restBootstrap = 0;
  let restUnbiased = 0;
  let restDf = 0;
  grouped.groupMoments.forEach((stratum, h) => {
    const k = grouped.members[h].length;
    if (h === g || k < 2) return;
    const mean = residualSum(stratum, ra, re, rest[1], rest[3]) / k;
    const within = Math.max(
      0,
      residualSquares(stratum, ra, re, rest[1], rest[3]) - k * mean * mean,
    );
    restBootstrap += within;
    restUnbiased += (k / (k - 1)) * within;
    restDf += k - 1;
  });
  const bootstrap = (groupVariance * (size - 1)) / size + restBootstrap;
  const unbiased = groupVariance + restUnbiased;
  const groupDf = size - 1;
  const denominator =
    (groupDf > 0 ? groupVariance ** 2 / groupDf : 0) +
    (restDf > 0 ? restUnbiased ** 2 / restDf : 0);
  const df = denominator > 0 ? unbiased ** 2 / denominator : Math.max(groupDf, 1);
  return { varianceRatio: bootstrap > 0 ? unbiased / bootstrap : undefined, df };
}
