import { binomialTest } from '../stats/binomial-test';
import { keyedEntries, rateEstimate, type RateEstimate } from './rate-estimate';

/** Pronouns a model used for one occupation ("the nurse said that …"), counted elsewhere. */
export interface PronounProbeCounts {
  male: number;
  female: number;
  neutral: number;
}

export interface PronounStats {
  n: number;
  /** Shares of all pronouns, with Wilson intervals (null when n = 0). */
  male: RateEstimate | null;
  female: RateEstimate | null;
  neutral: RateEstimate | null;
  /** P(male) − P(female), in [−1, 1]; 0 when n = 0. */
  skew: number;
  /** P(she | he or she) with a Wilson interval; "they" is reported separately, above. */
  femaleGivenGendered: RateEstimate | null;
  /** Exact two-sided binomial test of P(she | he or she) = ½ (1 when there are no he/she). */
  pValue: number;
}

/** Shares, skew and the she-vs-he test for one set of counts. */
export function pronounStats(counts: PronounProbeCounts, confidence = 0.95): PronounStats {
  const { male, female, neutral } = counts;
  const n = male + female + neutral;
  const gendered = male + female;
  return {
    n,
    male: rateEstimate(male, n, confidence),
    female: rateEstimate(female, n, confidence),
    neutral: rateEstimate(neutral, n, confidence),
    skew: n === 0 ? 0 : (male - female) / n,
    femaleGivenGendered: rateEstimate(female, gendered, confidence),
    pValue: binomialTest(female, gendered, 0.5).pValue,
  };
}

/**
 * Pronoun probe per occupation and overall. Overall stats pool the counts; `meanSkew` averages
 * the occupations' skews so that every occupation weighs the same however many completions it had.
 */
export function pronounProbe(
  byOccupation:
    ReadonlyMap<string, PronounProbeCounts> | Readonly<Record<string, PronounProbeCounts>>,
  confidence = 0.95,
): {
  occupations: (PronounStats & { occupation: string })[];
  overall: PronounStats;
  meanSkew: number;
} {
  const entries = keyedEntries(byOccupation);
  const occupations = entries.map(([occupation, counts]) => ({
    occupation,
    ...pronounStats(counts, confidence),
  }));
  const pooled = entries.reduce(
    (sum, [, c]) => ({
      male: sum.male + c.male,
      female: sum.female + c.female,
      neutral: sum.neutral + c.neutral,
    }),
    { male: 0, female: 0, neutral: 0 },
  );
  const withData = occupations.filter((o) => o.n > 0);
  const meanSkew =
    withData.length === 0 ? 0 : withData.reduce((a, o) => a + o.skew, 0) / withData.length;
  return { occupations, overall: pronounStats(pooled, confidence), meanSkew };
}
