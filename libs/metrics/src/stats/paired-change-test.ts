import { pairedRatioDifferenceDraws } from './bootstrap-difference';
import { badSign, type MetricDirection } from './direction';
import { normalUpperTail, twoSidedZ } from './distributions';
import { DEFAULT_CONFIDENCE, DEFAULT_RESAMPLES, type Interval } from './interval';
import { mdeFromStandardError, pairedProportionMde } from './minimum-detectable-effect';
import { comparePairedProportion } from './paired-proportion';
import {
  linearizedVariance,
  pairedUnits,
  ratioChange,
  totalMoments,
  type PairedRecord,
} from './paired-units';
import { expandedConfidence, percentileInterval } from './quantile';
import { signFlipPValues } from './sign-flip';
import { smallSampleStatus, type SmallSampleTest } from './small-sample';

export interface PairedChangeOptions {
  direction: MetricDirection;
  /** 'proportion' with one item per cluster uses exact McNemar; otherwise sign flips. */
  kind?: 'proportion' | 'ratio' | 'mean';
  seed: number;
  alpha?: number;
  power?: number;
  /** The smallest change that matters: a larger MDE makes the status 'underpowered'. */
  minEffect?: number;
  confidence?: number;
  /** Cluster-bootstrap resamples for the interval (default 2000). */
  resamples?: number;
  /** Random sign flips when there are too many clusters to enumerate (default 4000). */
  permutations?: number;
  /** Enumerate all 2^clusters flips up to this many (default 2¹⁴). */
  maxEnumeration?: number;
  /** From this many clusters on, a normal test and interval on the linearised SE (default 500). */
  largeSample?: number;
}

/**
 * Paired test of current − baseline of a ratio (Σnum/Σden; a mean when den = 1) that stays valid
 * at small n: under "no change" the two runs' values of a cluster are exchangeable, so flipping
 * them gives the null distribution (Fisher's randomization test): exact over all 2^clusters
 * flips, else by random flips. Interval: cluster bootstrap (expanded percentile). Below 3 items or
 * 2 clusters it is 'too_small'; with fewer than log₂(1/α) clusters α is unreachable.
 */
export function pairedChangeTest(
  records: readonly PairedRecord[],
  options: PairedChangeOptions,
): SmallSampleTest {
  const alpha = options.alpha ?? 0.05;
  const singleItemUnits = records.every((r) => r.cluster === undefined);
  if (options.kind === 'proportion' && singleItemUnits) return mcnemarChange(records, options);
  const units = pairedUnits(records);
  const total = totalMoments(units);
  const delta = ratioChange(total);
  if (!Number.isFinite(delta)) throw new RangeError('both runs need a positive denominator');
  const clusters = units.count;
  const se = Math.sqrt(linearizedVariance(total, clusters));
  const large = clusters >= (options.largeSample ?? 500);
  const exact = clusters <= 20 && 2 ** clusters <= (options.maxEnumeration ?? 2 ** 14);
  const permutations = options.permutations ?? 4000;
  const smallestP = large ? 0 : exact ? 2 ** -clusters : 1 / (permutations + 1);
  const mde =
    smallestP > alpha
      ? Number.POSITIVE_INFINITY
      : mdeFromStandardError(se, { alpha, power: options.power, df: clusters - 1 });
  const status = smallSampleStatus(records.length, clusters, mde, options.minEffect);
  const common = { n: records.length, clusters, delta, mde, alpha, status };
  if (status === 'too_small') {
    return { ...common, test: null, interval: null, pWorse: null, pBetter: null, pValue: null };
  }
  const sign = badSign(options.direction);
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  if (large) {
    const z = se === 0 ? (delta === 0 ? 0 : Math.sign(delta) * Infinity) : delta / se;
    const half = twoSidedZ(confidence) * se;
    const pWorse = normalUpperTail(sign * z);
    const pBetter = normalUpperTail(-sign * z);
    const interval = { low: delta - half, high: delta + half };
    const pValue = Math.min(1, 2 * Math.min(pWorse, pBetter));
    return { ...common, test: 'normal', interval, pWorse, pBetter, pValue };
  }
  const flips = signFlipPValues(units, sign, exact ? null : { permutations, seed: options.seed });
  return {
    ...common,
    test: exact ? 'sign-flip-exact' : 'sign-flip-monte-carlo',
    interval: clusterBootstrapInterval(records, clusters, options, confidence),
    ...flips,
    pValue: Math.min(1, 2 * Math.min(flips.pWorse, flips.pBetter)),
  };
}

/**
 * Cluster-bootstrap percentile interval, expanded for small samples (Hesterberg 2015): the
 * percentiles are taken at the level whose z equals √(c/(c − 1))·t₁₋α/₂,c₋₁, which undoes the
 * bootstrap's (c − 1)/c variance and uses t rather than z. Plain percentiles covered 89% at
 * 8 clusters in our simulation; expanded, 94–96% (see the spec).
 */
function clusterBootstrapInterval(
  records: readonly PairedRecord[],
  clusters: number,
  options: PairedChangeOptions,
  confidence: number,
): Interval {
  const items = records.map((r) => ({
    current: r.current,
    baseline: r.baseline,
    group: r.cluster ?? `item:${r.itemId}`,
  }));
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const draws = pairedRatioDifferenceDraws(items, options.seed + 1, resamples);
  return percentileInterval(draws, expandedConfidence(confidence, clusters - 1));
}

/** 0/1 items, one per unit: exact McNemar, Tango interval, Connor's MDE at the observed ψ. */
function mcnemarChange(
  records: readonly PairedRecord[],
  options: PairedChangeOptions,
): SmallSampleTest {
  const alpha = options.alpha ?? 0.05;
  let lost = 0;
  let gained = 0;
  for (const r of records) {
    if (r.baseline.num > r.current.num) lost++;
    if (r.baseline.num < r.current.num) gained++;
  }
  const n = records.length;
  const discordantRate = n === 0 ? 1 : Math.max(lost + gained, 1) / n;
  const mde = pairedProportionMde({ n, discordantRate }, { alpha, power: options.power });
  const status = smallSampleStatus(n, n, mde, options.minEffect);
  const delta = n === 0 ? 0 : (gained - lost) / n;
  const common = { n, clusters: n, delta, mde, alpha, status };
  if (status === 'too_small') {
    return { ...common, test: null, interval: null, pWorse: null, pBetter: null, pValue: null };
  }
  const sign = badSign(options.direction);
  const result = comparePairedProportion({ n, lost, gained }, sign, 0, options.confidence);
  return {
    ...common,
    test: 'mcnemar-exact',
    interval: result.deltaInterval,
    pWorse: result.oneSided.worse,
    pBetter: result.oneSided.better,
    pValue: result.pValue,
  };
}
