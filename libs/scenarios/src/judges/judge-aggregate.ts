import type { PairwiseJudgment } from './judge-output';

/** Agreement among one answer's valid sample scores. */
export interface SampleSummary {
  mean: number;
  /** (max − min) / (scale max − scale min): 0 when every sample gave the same score. */
  spread: number;
  /** Share of samples giving the most common score. */
  modalShare: number;
}

export function summarizeScores(
  scores: readonly number[],
  scale: { min: number; max: number },
): SampleSummary {
  if (scores.length === 0) throw new RangeError('summarizeScores needs at least one score');
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const spread = (Math.max(...scores) - Math.min(...scores)) / (scale.max - scale.min);
  const counts = new Map<number, number>();
  for (const s of scores) counts.set(s, (counts.get(s) ?? 0) + 1);
  return { mean, spread, modalShare: Math.max(...counts.values()) / scores.length };
}

export type PairOutcome = 'win' | 'tie' | 'loss';

/** The candidate's outcome in one order: shown first (as A) or second (as B). */
export function outcomeFor(judgment: PairwiseJudgment, candidateFirst: boolean): PairOutcome {
  if (judgment.winner === 'tie') return 'tie';
  return (judgment.winner === 'A') === candidateFirst ? 'win' : 'loss';
}

export interface PairVerdict {
  outcome: PairOutcome;
  /** Both orders gave the candidate the same outcome. */
  consistent: boolean;
  /** 1, ½, 0. */
  score: number;
}

const SCORE: Record<PairOutcome, number> = { win: 1, tie: 0.5, loss: 0 };

/**
 * Position-bias control (Zheng et al. 2023, "Judging LLM-as-a-judge", §3.4): the pair is judged in
 * both orders; a verdict that flips with the order is counted as a tie, not as either answer.
 */
export function combineOrders(
  candidateFirst: PairwiseJudgment,
  candidateSecond: PairwiseJudgment,
): PairVerdict {
  const first = outcomeFor(candidateFirst, true);
  const second = outcomeFor(candidateSecond, false);
  const consistent = first === second;
  const outcome: PairOutcome = consistent ? first : 'tie';
  return { outcome, consistent, score: SCORE[outcome] };
}
