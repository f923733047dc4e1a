import { z } from 'zod';
import { breakdownSchema } from '../../support/subgroups';
import type { ScenarioItem, ScenarioKind } from '../../scenario-kind';
import { QA_ITEMS } from '../../data/qa/qa-items';
import { syntheticQaItems } from '../../data/synthetic/synthetic-items';
import { builtinQuestions, questionSetSchema } from '../../support/question-set';
import { sampleSchema, stratifiedSample } from '../../support/stratified-sample';
import {
  answerExtractionSchema,
  extractAnswer,
  scoreAgainstReferences,
} from '../../support/answer-text';
import { chatRequest } from '../../support/chat-request';
import { decodingParamsSchema } from '../../support/decoding-params';
import {
  aggregateItemMetrics,
  firstSampleProportion,
  sampleMean,
} from '../../support/item-metrics';
import { groupByItem } from '../../support/item-samples';
import { renderTemplate, templateSchema } from '../../support/prompt-template';

export const qaConfigSchema = z.strictObject({
  /**
   * Built-in questions: 'all' (default, 353: 33 hand-written + 320 synthetic), 'general_knowledge'
   * (the hand-written ones only) or 'synthetic' (320 generated with computed answers:
   * arithmetic, unit conversion, calendar, string tasks). Attribute `source` tells them apart.
   */
  questions: questionSetSchema,
  /** A stratified sample of the built-in questions, or 'full'; a plan's own takes precedence. */
  sample: sampleSchema.default('full'),
  systemPrompt: z.string().optional(),
  promptTemplate: templateSchema(
    'Answer the question with a short answer only, no explanation.\nQuestion: {question}\nAnswer:',
    ['question'],
    ['question'],
  ),
  answerExtraction: answerExtractionSchema,
  params: decodingParamsSchema({ temperature: 0, max_tokens: 32 }),
  breakdownBy: breakdownSchema.optional(),
});

export type QaConfig = z.output<typeof qaConfigSchema>;

function referencesOf(item: ScenarioItem): string[] {
  const references = item.references ?? [];
  if (references.length === 0) throw new RangeError(`qa item ${item.id} has no references`);
  return references;
}

/** Short-answer questions scored against reference answers (HELM exact/quasi-exact match, F1). */
export const qaKind: ScenarioKind<QaConfig> = {
  kind: 'qa',
  version: '1',
  modality: 'text',
  configSchema: qaConfigSchema,
  builtinItems: (config) =>
    stratifiedSample(builtinQuestions(config.questions, QA_ITEMS, syntheticQaItems), config.sample),
  samplesPerItem: () => 1,
  buildRequest(item, config, sample) {
    const prompt = renderTemplate(config.promptTemplate, { question: item.input ?? '' });
    return chatRequest(prompt, config.systemPrompt, config.params, sample);
  },
  async score(item, response, config) {
    const answer = extractAnswer(response, config.answerExtraction);
    return scoreAgainstReferences(answer, referencesOf(item));
  },
  metrics: () => [
    firstSampleProportion('exact_match', 'higher_is_better'),
    firstSampleProportion('quasi_exact_match', 'higher_is_better'),
    { ...sampleMean('f1', 'higher_is_better'), unit: 'score' },
  ],
  aggregate(instances, config, context) {
    return aggregateItemMetrics(qaKind.metrics(config), groupByItem(instances), {
      seed: context.seed,
      breakdownBy: config.breakdownBy,
    });
  },
};
