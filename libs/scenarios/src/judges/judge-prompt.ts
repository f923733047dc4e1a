import type { ScenarioRequest } from '../scenario-kind';
import { rubricOf, type JudgeSettings } from './judge-config';

/**
 * Bumped when what the judge is told changes: part of the judge's identity. 2: a multiple-choice
 * item's choices are shown under its question (judgeQuestion).
 */
export const JUDGE_PROMPT_VERSION = 'judge-prompt-2';

export const JUDGE_SYSTEM_PROMPT =
  'You are an impartial evaluator. Follow the rubric exactly. Reply with one JSON object and ' +
  'nothing else.';

export interface SingleJudgeInput {
  question: string;
  answer: string;
  reference?: string;
}

export interface PairwiseJudgeInput {
  question: string;
  first: string;
  second: string;
}

function section(title: string, text: string): string {
  return `[${title}]\n${text}\n[End of ${title.toLowerCase()}]`;
}

function request(config: JudgeSettings, user: string, sample: number): ScenarioRequest {
  return {
    messages: [
      { role: 'system', content: config.systemPrompt ?? JUDGE_SYSTEM_PROMPT },
      { role: 'user', content: user },
    ],
    // A judge seed, when the adapter honours one, moves with the sample like a kind's seed.
    params: { temperature: config.temperature, max_tokens: config.maxTokens, seed: 1000 + sample },
  };
}

/** One absolute judgment: the rubric, the question, an optional reference, the answer. */
export function singleJudgeRequest(
  config: JudgeSettings,
  input: SingleJudgeInput,
  sample: number,
): ScenarioRequest {
  const { min, max } = config.scale;
  const parts = [
    section('Rubric', rubricOf(config)),
    section('Question', input.question),
    ...(input.reference ? [section('Reference answer', input.reference)] : []),
    section('Answer', input.answer),
    `Score the answer from ${min} (worst) to ${max} (best). Reply with JSON only: ` +
      `{"score": <integer ${min}-${max}>, "rationale": "<one or two sentences>"}`,
  ];
  return request(config, parts.join('\n\n'), sample);
}

/** One pairwise judgment of two answers shown as A (first) and B (second). */
export function pairwiseJudgeRequest(
  config: JudgeSettings,
  input: PairwiseJudgeInput,
  sample: number,
): ScenarioRequest {
  const parts = [
    section('Rubric', rubricOf(config)),
    section('Question', input.question),
    section('Answer A', input.first),
    section('Answer B', input.second),
    'Which answer is better? Reply with JSON only: ' +
      '{"winner": "A" | "B" | "tie", "rationale": "<one or two sentences>"}',
  ];
  return request(config, parts.join('\n\n'), sample);
}
