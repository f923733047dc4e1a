import { z } from 'zod';
import { exactMatch, quasiExactMatch, tokenF1 } from '@lastmile/metrics';

export const answerExtractionSchema = z
  .enum(['first_line', 'full'], { error: "answerExtraction must be 'first_line' or 'full'" })
  .default('first_line');

export type AnswerExtraction = z.output<typeof answerExtractionSchema>;

/**
 * The part of a response that is scored: 'first_line' keeps the first non-blank line, since chat
 * models often add an explanation after a correct short answer; 'full' scores the whole text.
 */
export function extractAnswer(response: string, mode: AnswerExtraction): string {
  if (mode === 'full') return response;
  return response.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
}

export const REFERENCE_METRICS = ['exact_match', 'quasi_exact_match', 'f1'] as const;
export type ReferenceMetric = (typeof REFERENCE_METRICS)[number];

/** HELM exact match, quasi-exact match and token F1, each the best over the references. */
export function scoreAgainstReferences(
  answer: string,
  references: readonly string[],
  which: readonly ReferenceMetric[] = REFERENCE_METRICS,
): Record<string, number> {
  const scorers: Record<ReferenceMetric, () => number> = {
    exact_match: () => exactMatch(answer, references),
    quasi_exact_match: () => quasiExactMatch(answer, references),
    f1: () => tokenF1(answer, references),
  };
  return Object.fromEntries(which.map((name) => [name, scorers[name]()]));
}
