import {
  DEFAULT_CONFIDENCE,
  DEFAULT_RESAMPLES,
  type BootstrapOptions,
  type Interval,
} from '../stats/interval';
import { percentileInterval } from '../stats/quantile';
import { createRng } from '../stats/rng';

export type AlphaLevel = 'nominal' | 'interval';

/** One unit (item): the value each coder gave it, null where a coder gave none. */
export type ReliabilityUnit = readonly (string | number | null)[];

export interface AlphaResult {
  /** 1 − D_o/D_e; NaN when the pairable values never differ (D_e = 0). */
  alpha: number;
  /** Pairable values n (in units with at least two values). */
  pairableValues: number;
  /** Units with at least two values. */
  units: number;
}

/** Σ over ordered pairs i ≠ j of δ(v_i, v_j) for a set of values. */
function pairDisagreement(values: readonly (string | number)[], level: AlphaLevel): number {
  const m = values.length;
  if (level === 'interval') {
    let sum = 0;
    let squares = 0;
    for (const v of values) {
      const x = v as number;
      sum += x;
      squares += x * x;
    }
    // Σ_{i≠j} (x_i − x_j)² = 2m Σx² − 2(Σx)².
    return 2 * m * squares - 2 * sum * sum;
  }
  const counts = new Map<string | number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let same = 0;
  for (const c of counts.values()) same += c * c;
  return m * m - same;
}

function pairable(units: readonly ReliabilityUnit[], level: AlphaLevel) {
  return units
    .map((unit) => unit.filter((v): v is string | number => v !== null && v !== undefined))
    .filter((values) => values.length >= 2)
    .map((values) => {
      if (level === 'interval' && values.some((v) => typeof v !== 'number' || !Number.isFinite(v)))
        throw new RangeError('interval alpha needs finite numbers');
      return values;
    });
}

function alphaOf(units: readonly (readonly (string | number)[])[], level: AlphaLevel): AlphaResult {
  const all = units.flat();
  const n = all.length;
  let within = 0;
  for (const values of units) within += pairDisagreement(values, level) / (values.length - 1);
  const total = pairDisagreement(all, level);
  // α = 1 − D_o/D_e with D_o = within/n and D_e = total/(n(n − 1)).
  const alpha = total === 0 ? Number.NaN : 1 - ((n - 1) * within) / total;
  return { alpha, pairableValues: n, units: units.length };
}

/**
 * Krippendorff's α for any number of coders, missing values allowed, at the nominal or interval
 * level (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"): units with fewer than
 * two values are not pairable and are left out.
 */
export function krippendorffAlpha(
  units: readonly ReliabilityUnit[],
  level: AlphaLevel = 'nominal',
): AlphaResult {
  return alphaOf(pairable(units, level), level);
}

/**
 * Percentile bootstrap interval of α over units (units resampled whole, seeded). Krippendorff's
 * own bootstrap resamples coincidences instead; resampling units is the usual choice when the
 * units are the sample drawn from a population of items, as evaluation items are.
 */
export function krippendorffAlphaInterval(
  units: readonly ReliabilityUnit[],
  level: AlphaLevel,
  options: BootstrapOptions,
): Interval & AlphaResult {
  const data = pairable(units, level);
  const point = alphaOf(data, level);
  if (data.length === 0) return { ...point, low: Number.NaN, high: Number.NaN };
  const rng = createRng(options.seed);
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const draws: number[] = [];
  for (let b = 0; b < resamples; b++) {
    const sample = Array.from({ length: data.length }, () => data[Math.floor(rng() * data.length)]);
    const { alpha } = alphaOf(sample, level);
    if (!Number.isNaN(alpha)) draws.push(alpha);
  }
  if (draws.length === 0) return { ...point, low: Number.NaN, high: Number.NaN };
  const { low, high } = percentileInterval(
    Float64Array.from(draws),
    options.confidence ?? DEFAULT_CONFIDENCE,
  );
  return { ...point, low, high };
}
