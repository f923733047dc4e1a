import { twoSidedZ } from '../stats/distributions';
import type { Interval } from '../stats/interval';
import { linearizedVariance, ratioVariance } from '../stats/paired-units';
import { expandedConfidence, percentileInterval } from '../stats/quantile';
import { contrastExpansion } from './bootstrap-expansion';
import type { Contrast } from './contrast-statistic';
import type { ValueWithInterval } from './disparity.types';
import type { GroupUnits } from './group-units';
import type { GroupDraws } from './stratified-bootstrap';

export interface GroupIntervals {
  baseline: ValueWithInterval;
  current: ValueWithInterval;
  deltaInterval: Interval;
  contrastInterval: Interval;
}

/**
 * A group's values and intervals. From bootstrap draws: expanded percentiles (the group's own
 * values at c − 1 df; the contrast at the Welch df and variance ratio of contrastExpansion).
 * Without draws (every group large): normal intervals on the linearised variances.
 */
export function groupIntervals(
  grouped: GroupUnits,
  g: number,
  contrast: Contrast,
  draws: GroupDraws | null,
  confidence: number,
): GroupIntervals {
  const moments = grouped.groupMoments[g];
  const size = grouped.members[g].length;
  const baseline = moments[2] / moments[3];
  const current = moments[0] / moments[1];
  if (draws === null) {
    const z = twoSidedZ(confidence);
    const around = (centre: number, variance: number): Interval => ({
      low: centre - z * Math.sqrt(variance),
      high: centre + z * Math.sqrt(variance),
    });
    return {
      baseline: {
        value: baseline,
        interval: around(baseline, ratioVariance(moments, size, 'baseline')),
      },
      current: {
        value: current,
        interval: around(current, ratioVariance(moments, size, 'current')),
      },
      deltaInterval: around(contrast.delta, linearizedVariance(moments, size)),
      contrastInterval: around(contrast.contrast, contrast.variance + contrast.restVariance),
    };
  }
  const withinGroup = expandedConfidence(confidence, size - 1);
  const { varianceRatio, df } = contrastExpansion(grouped, g);
  return {
    baseline: { value: baseline, interval: finitePercentiles(draws.baseline, withinGroup) },
    current: { value: current, interval: finitePercentiles(draws.current, withinGroup) },
    deltaInterval: finitePercentiles(draws.delta, withinGroup),
    contrastInterval: finitePercentiles(
      draws.contrast,
      expandedConfidence(confidence, df, varianceRatio),
    ),
  };
}

/** Percentile interval of the finite draws (a resample with a zero denominator has no ratio). */
function finitePercentiles(draws: Float64Array, confidence: number): Interval {
  const finite = draws.filter(Number.isFinite);
  if (finite.length === 0) return { low: Number.NaN, high: Number.NaN };
  return percentileInterval(finite, confidence);
}
