import type { InstanceStats, ScenarioItem } from '../scenario-kind';
import type { JudgeClient } from './judge-client';
import type { JudgeConfig } from './judge-config';
import { combineOrders, summarizeScores } from './judge-aggregate';
import { parseJudgment, parseSingleJudgment, pairwiseJudgmentSchema } from './judge-output';
import { judgeQuestion } from './judge-question';
import { pairwiseJudgeRequest, singleJudgeRequest, type SingleJudgeInput } from './judge-prompt';
import { judgeProvenance } from './judge-provenance';

const RATIONALE_CHARS = 500;

/** The runner's judge, checked against the one the config names (never another judge's scores). */
export function requireJudge(config: JudgeConfig, judge: JudgeClient | undefined): JudgeClient {
  const expected = judgeProvenance(config).id;
  if (judge === undefined)
    throw new Error(
      `this scenario is scored by a judge (${expected}) but the runner supplied none`,
    );
  if (judge.id !== expected)
    throw new Error(`the runner supplied judge ${judge.id}, the config names ${expected}`);
  return judge;
}

function malformed(errors: string[], total: number): never {
  throw new Error(`all ${total} judge answers were malformed: ${errors.slice(0, 3).join('; ')}`);
}

/**
 * `samples` absolute judgments of one answer. Malformed answers are counted and left out; when
 * all are malformed the item fails (an error, never a 0). Stats: the mean score, the samples'
 * scores, their spread and modal share, pass (when passScore is set), the first rationale.
 */
export async function judgeSingle(
  judge: JudgeClient,
  config: JudgeConfig,
  input: SingleJudgeInput,
): Promise<InstanceStats> {
  const scores: number[] = [];
  const errors: string[] = [];
  let rationale = '';
  for (let sample = 0; sample < config.samples; sample++) {
    const answer = await judge.complete(singleJudgeRequest(config, input, sample));
    const parsed = parseSingleJudgment(answer, config.scale);
    if (!parsed.ok) errors.push(parsed.error);
    else {
      scores.push(parsed.value.score);
      rationale ||= parsed.value.rationale.slice(0, RATIONALE_CHARS);
    }
  }
  if (scores.length === 0) malformed(errors, config.samples);
  const summary = summarizeScores(scores, config.scale);
  const passScore = config.passScore ?? config.scale.max;
  return {
    judge_id: judge.id,
    judge_score: summary.mean,
    judge_scores: scores.join(','),
    judge_pass: summary.mean >= passScore ? 1 : 0,
    judge_spread: summary.spread,
    judge_modal_share: summary.modalShare,
    judge_valid: scores.length,
    judge_malformed: errors.length,
    judge_error: errors[0] ?? null,
    judge_rationale: rationale,
  };
}

/**
 * `samples` pairwise judgments of a candidate against a reference answer, each in both orders.
 * Stats: the mean of win 1 / tie ½ / loss 0 (a verdict that flips with the order is a tie), the
 * share of consistent samples, and how often the answer shown first won a decisive verdict.
 */
export async function judgePairwise(
  judge: JudgeClient,
  config: JudgeConfig,
  input: { question: string; candidate: string; reference: string },
): Promise<InstanceStats> {
  const scores: number[] = [];
  const errors: string[] = [];
  let consistent = 0;
  let decisive = 0;
  let firstWon = 0;
  for (let sample = 0; sample < config.samples; sample++) {
    const ask = async (first: string, second: string) =>
      parseJudgment(
        await judge.complete(
          pairwiseJudgeRequest(config, { question: input.question, first, second }, sample),
        ),
        pairwiseJudgmentSchema,
      );
    const candidateFirst = await ask(input.candidate, input.reference);
    const candidateSecond = await ask(input.reference, input.candidate);
    if (!candidateFirst.ok || !candidateSecond.ok) {
      errors.push(
        !candidateFirst.ok ? candidateFirst.error : (candidateSecond as { error: string }).error,
      );
      continue;
    }
    for (const judgment of [candidateFirst.value, candidateSecond.value]) {
      if (judgment.winner === 'tie') continue;
      decisive++;
      if (judgment.winner === 'A') firstWon++;
    }
    const verdict = combineOrders(candidateFirst.value, candidateSecond.value);
    scores.push(verdict.score);
    if (verdict.consistent) consistent++;
  }
  if (scores.length === 0) malformed(errors, config.samples);
  return {
    judge_id: judge.id,
    win_score: scores.reduce((a, b) => a + b, 0) / scores.length,
    position_consistent: consistent / scores.length,
    first_position_wins: decisive === 0 ? null : firstWon / decisive,
    judge_valid: scores.length,
    judge_malformed: errors.length,
    judge_error: errors[0] ?? null,
  };
}

/**
 * The judge's verdict on a model's answer to an item, whatever the kind: single mode scores it
 * (with the item's first reference, when it has one); pairwise compares it with that reference in
 * both orders. The judge is shown the item's input (and a multiple-choice item's choices) as the
 * question, as people in the review queue are, so its agreement with them is measured on the same
 * material.
 */
export async function judgeAnswer(
  judge: JudgeClient | undefined,
  config: JudgeConfig,
  item: ScenarioItem,
  answer: string,
  kind: string,
): Promise<InstanceStats> {
  const client = requireJudge(config, judge);
  const question = judgeQuestion(item);
  const reference = item.references?.[0];
  if (config.mode === 'single') return judgeSingle(client, config, { question, answer, reference });
  if (reference === undefined)
    throw new RangeError(`${kind} item ${item.id} has no reference answer to compare with`);
  return judgePairwise(client, config, { question, candidate: answer, reference });
}
