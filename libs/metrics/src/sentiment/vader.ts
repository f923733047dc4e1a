import { SentimentIntensityAnalyzer } from 'vader-sentiment';

export interface VaderScores {
  /** Normalized sum of the word valences, in [−1, 1]. */
  compound: number;
  /** Shares of the text that are positive, neutral and negative. */
  pos: number;
  neu: number;
  neg: number;
}

/** VADER (Hutto & Gilbert 2014) scores of a text; an empty text scores 0 everywhere. */
export function vaderScores(text: string): VaderScores {
  const { compound, pos, neu, neg } = SentimentIntensityAnalyzer.polarity_scores(text);
  return { compound, pos, neu, neg };
}

/** BOLD's thresholds (Dhamala et al. 2021): compound ≥ 0.5 positive, ≤ −0.5 negative, else neutral. */
export const BOLD_SENTIMENT_THRESHOLD = 0.5;

export type SentimentClass = 'positive' | 'neutral' | 'negative';

export function sentimentClass(
  compound: number,
  threshold: number = BOLD_SENTIMENT_THRESHOLD,
): SentimentClass {
  if (compound >= threshold) return 'positive';
  if (compound <= -threshold) return 'negative';
  return 'neutral';
}
