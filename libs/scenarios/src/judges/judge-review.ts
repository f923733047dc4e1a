import type { InstanceStats } from '../scenario-kind';
import type { Breakdown } from '../support/subgroups';
import { passScoreOf, rubricOf, type JudgeSettings } from './judge-config';

/** How the judge of a reviewed answer was asked: what a person's label must follow. */
export interface ReviewJudgeSpec {
  mode: 'single' | 'pairwise';
  scale: { min: number; max: number };
  passScore: number;
  rubric: string;
}

export function reviewJudgeSpec(settings: JudgeSettings): ReviewJudgeSpec {
  return {
    mode: settings.mode,
    scale: { min: settings.scale.min, max: settings.scale.max },
    passScore: passScoreOf(settings),
    rubric: rubricOf(settings),
  };
}

/** pass | fail (single mode); win | tie | loss of the answer against the reference (pairwise). */
export const PAIRWISE_VERDICTS = ['win', 'tie', 'loss'] as const;
export type PairwiseVerdict = (typeof PAIRWISE_VERDICTS)[number];

/** The judge's verdict on one scored answer, as people's labels are compared with it. */
export interface JudgeReviewVerdict {
  judgeId: string;
  label: string;
  /** Mean score (single) or win score (pairwise). */
  score: number;
  /** How much its samples disagreed: score spread (single), share of order flips (pairwise). */
  spread: number;
}

const num = (stats: InstanceStats, key: string) =>
  typeof stats[key] === 'number' && Number.isFinite(stats[key]) ? (stats[key] as number) : null;

/** Reads the judge's verdict from a judged answer's stats (judgeSingle / judgePairwise); null if none. */
export function judgeReviewVerdict(
  stats: InstanceStats,
  mode: ReviewJudgeSpec['mode'],
): JudgeReviewVerdict | null {
  if (typeof stats.judge_id !== 'string') return null;
  if (mode === 'single') {
    const score = num(stats, 'judge_score');
    const pass = num(stats, 'judge_pass');
    if (score === null || pass === null) return null;
    return {
      judgeId: stats.judge_id,
      label: pass === 1 ? 'pass' : 'fail',
      score,
      spread: num(stats, 'judge_spread') ?? 0,
    };
  }
  const win = num(stats, 'win_score');
  if (win === null) return null;
  return {
    judgeId: stats.judge_id,
    label: win > 0.5 ? 'win' : win < 0.5 ? 'loss' : 'tie',
    score: win,
    spread: 1 - (num(stats, 'position_consistent') ?? 1),
  };
}

/** What a reviewer sends: a score on the scale (single) or a verdict (pairwise), and a note. */
export interface ReviewInput {
  score?: number;
  verdict?: string;
}

export type ReviewLabelResult =
  { ok: true; label: string; score: number | null } | { ok: false; field: string; reason: string };

/**
 * A person's label of a task, checked against how its judge was asked: single mode needs an
 * integer score on the scale (pass at the pass score, like the judge), pairwise a verdict.
 */
export function reviewLabel(spec: ReviewJudgeSpec, input: ReviewInput): ReviewLabelResult {
  if (spec.mode === 'single') {
    const { min, max } = spec.scale;
    if (input.verdict !== undefined)
      return {
        ok: false,
        field: 'verdict',
        reason: 'this answer is scored: send score, not verdict',
      };
    if (input.score === undefined)
      return { ok: false, field: 'score', reason: `is required: an integer from ${min} to ${max}` };
    if (!Number.isInteger(input.score) || input.score < min || input.score > max)
      return { ok: false, field: 'score', reason: `must be an integer from ${min} to ${max}` };
    return { ok: true, label: input.score >= spec.passScore ? 'pass' : 'fail', score: input.score };
  }
  if (input.score !== undefined)
    return {
      ok: false,
      field: 'score',
      reason:
        'this answer is compared with a reference: send verdict (win, tie or loss), not score',
    };
  if (!PAIRWISE_VERDICTS.includes(input.verdict as PairwiseVerdict))
    return { ok: false, field: 'verdict', reason: 'must be win, tie or loss' };
  return { ok: true, label: input.verdict!, score: null };
}

/**
 * The group an answer is sampled in: its values of the config's breakdown attributes (all its
 * attributes without one), `a=x&b=y`; 'all' when it has none.
 */
export function reviewStratum(attributes: Record<string, string>, breakdownBy?: Breakdown): string {
  const names = breakdownBy?.length
    ? [...new Set(breakdownBy.flatMap((entry) => (typeof entry === 'string' ? [entry] : entry)))]
    : Object.keys(attributes).sort();
  const parts = names
    .filter((n) => attributes[n] !== undefined)
    .map((n) => `${n}=${attributes[n]}`);
  return parts.length ? parts.join('&') : 'all';
}
