import { z } from 'zod';
import type { ScenarioItem } from '../scenario-kind';

export const questionSetSchema = z
  .enum(['general_knowledge', 'synthetic', 'all'], {
    error: "questions must be 'general_knowledge', 'synthetic' or 'all'",
  })
  .default('all');

export type QuestionSet = z.output<typeof questionSetSchema>;

const handWrittenItem = (item: ScenarioItem): ScenarioItem => ({
  ...item,
  attributes: { ...item.attributes, source: 'handwritten' },
});

/**
 * The hand-written items ('general_knowledge'), the generated ones ('synthetic'), or both
 * ('all', the default: hand-written first), each with attribute `source` (handwritten,
 * synthetic). Absent (a caller that passes an unparsed `{}`, as the demo model does) means the
 * default.
 */
export function builtinQuestions(
  which: QuestionSet | undefined,
  handWritten: readonly ScenarioItem[],
  synthetic: () => ScenarioItem[],
): ScenarioItem[] {
  if (which === 'general_knowledge') return handWritten.map(handWrittenItem);
  if (which === 'synthetic') return synthetic();
  return [...handWritten.map(handWrittenItem), ...synthetic()];
}
