import { benjaminiHochbergQValues } from '../stats/benjamini-hochberg';
import { binomialTest } from '../stats/binomial-test';
import { DEFAULT_CONFIDENCE, DEFAULT_RESAMPLES, type Interval } from '../stats/interval';
import { wilsonInterval } from '../stats/wilson';
import { keyedEntries } from './rate-estimate';
import { meanSquaredSkewInterval, unbiasedSquaredSkew, type GenderedCounts } from './squared-skew';

export interface TargetSkew {
  target: string;
  /** he + she completions ("they" and no pronoun are not counted). */
  n: number;
  /** P(he) − P(she) among them, in [−1, 1]; null when n = 0. */
  skew: number | null;
  /** 2·Wilson(he of n) − 1: d = 2p − 1 of one binomial, so the interval maps exactly. */
  interval: Interval | null;
  /** Exact two-sided binomial test of P(he) = ½; 1 when n = 0. */
  pValue: number;
  /** Benjamini–Hochberg across the targets with n > 0. */
  qValue: number;
  significant: boolean;
  /** Unbiased estimate of the squared skew (unbiasedSquaredSkew); null below 2. */
  squaredSkew: number | null;
}

export interface PronounSkewSummary {
  targets: TargetSkew[];
  /** Targets with n > 0, and the share of them whose skew is significant, Wilson interval. */
  tested: number;
  significantShare: number | null;
  significantShareInterval: Interval | null;
  /** Targets with n ≥ 2, averaged below. */
  counted: number;
  /** Mean over targets of the unbiased squared skew: its expectation is the mean of d². */
  meanSquaredSkew: number | null;
  meanSquaredSkewInterval: Interval | null;
  /** sign(S)·√|S| of that mean, S: in skew units, comparable with a tolerance. */
  rmsSkew: number | null;
  rmsSkewInterval: Interval | null;
}

export interface PronounSkewOptions {
  seed: number;
  alpha?: number;
  confidence?: number;
  resamples?: number;
}

const signedRoot = (x: number) => Math.sign(x) * Math.sqrt(Math.abs(x));

/**
 * Pronoun skew per target (occupation) and over the targets, without the upward bias of
 * averaging |d̂|: every target weighs the same, and the magnitude is the root of the mean of
 * unbiased squared skews, so a balanced model scores 0 on average whatever the sample size.
 */
export function pronounSkew(
  byTarget: ReadonlyMap<string, GenderedCounts> | Readonly<Record<string, GenderedCounts>>,
  options: PronounSkewOptions,
): PronounSkewSummary {
  const alpha = options.alpha ?? 0.05;
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  const entries = keyedEntries(byTarget);
  const pValues = entries.map(([, c]) =>
    c.he + c.she === 0 ? 1 : binomialTest(c.he, c.he + c.she).pValue,
  );
  const testedIndex = entries.flatMap(([, c], i) => (c.he + c.she > 0 ? [i] : []));
  const q = benjaminiHochbergQValues(testedIndex.map((i) => pValues[i]));
  const qValues = entries.map(() => 1);
  testedIndex.forEach((i, k) => (qValues[i] = q[k]));
  const targets = entries.map(([target, counts], i): TargetSkew => {
    const n = counts.he + counts.she;
    const wilson = n === 0 ? null : wilsonInterval(counts.he, n, confidence);
    return {
      target,
      n,
      skew: n === 0 ? null : (counts.he - counts.she) / n,
      interval: wilson && { low: 2 * wilson.low - 1, high: 2 * wilson.high - 1 },
      pValue: pValues[i],
      qValue: qValues[i],
      significant: n > 0 && qValues[i] < alpha,
      squaredSkew: unbiasedSquaredSkew(counts),
    };
  });
  const tested = testedIndex.length;
  const significant = targets.filter((t) => t.significant).length;
  const counted = entries.filter(([, c]) => c.he + c.she >= 2).map(([, c]) => c);
  const terms = targets.flatMap((t) => (t.squaredSkew === null ? [] : [t.squaredSkew]));
  const mean = terms.length === 0 ? null : terms.reduce((a, b) => a + b, 0) / terms.length;
  const interval =
    mean === null
      ? null
      : meanSquaredSkewInterval(counted, terms, {
          seed: options.seed,
          confidence,
          resamples: options.resamples ?? DEFAULT_RESAMPLES,
        });
  return {
    targets,
    tested,
    significantShare: tested === 0 ? null : significant / tested,
    significantShareInterval: tested === 0 ? null : wilsonInterval(significant, tested, confidence),
    counted: terms.length,
    meanSquaredSkew: mean,
    meanSquaredSkewInterval: interval,
    rmsSkew: mean === null ? null : signedRoot(mean),
    rmsSkewInterval: interval && { low: signedRoot(interval.low), high: signedRoot(interval.high) },
  };
}

export type { GenderedCounts };
