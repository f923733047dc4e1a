import { z } from 'zod';
import { breakdownSchema } from '../../support/subgroups';
import { pickChoice } from '@lastmile/metrics';
import type { ScenarioKind } from '../../scenario-kind';
import { MULTIPLE_CHOICE_ITEMS } from '../../data/multiple-choice/multiple-choice-items';
import { syntheticMultipleChoiceItems } from '../../data/synthetic/synthetic-items';
import { builtinQuestions, questionSetSchema } from '../../support/question-set';
import { sampleSchema, stratifiedSample } from '../../support/stratified-sample';
import { chatRequest } from '../../support/chat-request';
import { choiceLetter, choicesOf, correctIndex, formatChoices } from '../../support/choices';
import { decodingParamsSchema } from '../../support/decoding-params';
import { aggregateItemMetrics, firstSampleProportion } from '../../support/item-metrics';
import { groupByItem } from '../../support/item-samples';
import { renderTemplate, templateSchema } from '../../support/prompt-template';

export const multipleChoiceConfigSchema = z.strictObject({
  /**
   * Built-in questions: 'all' (default, 344: 24 hand-written + 320 synthetic), 'general_knowledge'
   * (the hand-written ones only) or 'synthetic' (320 generated with computed answers:
   * arithmetic, unit conversion, calendar, string tasks). Attribute `source` tells them apart.
   */
  questions: questionSetSchema,
  /** A stratified sample of the built-in questions, or 'full'; a plan's own takes precedence. */
  sample: sampleSchema.default('full'),
  systemPrompt: z.string().optional(),
  promptTemplate: templateSchema(
    'Answer the multiple-choice question with the letter of the correct option only.\n\nQuestion: {question}\n{choices}\nAnswer:',
    ['question', 'choices'],
    ['question', 'choices'],
  ),
  params: decodingParamsSchema({ temperature: 0, max_tokens: 16 }),
  breakdownBy: breakdownSchema.optional(),
});

export type MultipleChoiceConfig = z.output<typeof multipleChoiceConfigSchema>;

/** Questions with lettered choices; the answer is read with HELM-style rules (pickChoice). */
export const multipleChoiceKind: ScenarioKind<MultipleChoiceConfig> = {
  kind: 'multiple_choice',
  version: '1',
  modality: 'text',
  configSchema: multipleChoiceConfigSchema,
  builtinItems: (config) =>
    stratifiedSample(
      builtinQuestions(config.questions, MULTIPLE_CHOICE_ITEMS, syntheticMultipleChoiceItems),
      config.sample,
    ),
  samplesPerItem: () => 1,
  buildRequest(item, config, sample) {
    const choices = formatChoices(choicesOf(item));
    const prompt = renderTemplate(config.promptTemplate, { question: item.input ?? '', choices });
    return chatRequest(prompt, config.systemPrompt, config.params, sample);
  },
  async score(item, response) {
    const correct = correctIndex(item);
    const pick = pickChoice(response, choicesOf(item));
    return {
      accuracy: pick.index === correct ? 1 : 0,
      picked: pick.index === null ? null : choiceLetter(pick.index),
      pick_rule: pick.rule,
    };
  },
  metrics: () => [firstSampleProportion('accuracy', 'higher_is_better')],
  aggregate(instances, config, context) {
    return aggregateItemMetrics(multipleChoiceKind.metrics(config), groupByItem(instances), {
      seed: context.seed,
      breakdownBy: config.breakdownBy,
    });
  },
};
