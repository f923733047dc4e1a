import { z } from 'zod';
import type { ScenarioItem } from '../scenario-kind';

export const questionSetSchema = z
  .enum(['general_knowledge', 'synthetic', 'all'], {
    error: "questions must be 'general_knowledge', 'synthetic' or 'all'",
  })
  .default('general_knowledge');

export type QuestionSet = z.output<typeof questionSetSchema>;

/**
 * The hand-written items, the generated ones, or both (hand-written first). Absent (a caller
 * that passes an unparsed `{}`, as the demo model does) means the default.
 */
export function builtinQuestions(
  which: QuestionSet | undefined,
  handWritten: readonly ScenarioItem[],
  synthetic: () => ScenarioItem[],
): ScenarioItem[] {
  if (which === undefined || which === 'general_knowledge') return [...handWritten];
  if (which === 'synthetic') return synthetic();
  return [...handWritten, ...synthetic()];
}
