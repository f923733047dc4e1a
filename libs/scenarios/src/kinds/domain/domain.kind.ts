import { z } from 'zod';
import { breakdownSchema } from '../../support/subgroups';
import { pickChoice, quasiExactMatch } from '@lastmile/metrics';
import type {
  InstanceStats,
  MetricDefinition,
  ScenarioItem,
  ScenarioKind,
} from '../../scenario-kind';
import {
  type ReferenceMetric,
  answerExtractionSchema,
  extractAnswer,
  scoreAgainstReferences,
} from '../../support/answer-text';
import { chatRequest } from '../../support/chat-request';
import { choicesOf, correctIndex, formatChoices } from '../../support/choices';
import { decodingParamsSchema } from '../../support/decoding-params';
import {
  aggregateItemMetrics,
  firstSampleProportion,
  sampleMean,
} from '../../support/item-metrics';
import { groupByItem } from '../../support/item-samples';
import { renderTemplate, templateSchema } from '../../support/prompt-template';

const DOMAIN_METRICS = ['exact_match', 'quasi_exact_match', 'f1', 'accuracy'] as const;
type DomainMetric = (typeof DOMAIN_METRICS)[number];

export const domainConfigSchema = z.strictObject({
  metrics: z
    .array(z.enum(DOMAIN_METRICS, { error: `metrics must be among ${DOMAIN_METRICS.join(', ')}` }))
    .min(1, 'choose at least one metric')
    .default(['quasi_exact_match', 'f1']),
  systemPrompt: z.string().optional(),
  promptTemplate: templateSchema('{input}', ['input', 'choices'], ['input']),
  answerExtraction: answerExtractionSchema,
  params: decodingParamsSchema({ temperature: 0, max_tokens: 64 }),
  breakdownBy: breakdownSchema.optional(),
});

export type DomainConfig = z.output<typeof domainConfigSchema>;

/** accuracy: the picked choice when the item has choices, else quasi-exact match with the label. */
function labelAccuracy(item: ScenarioItem, answer: string): number {
  if (item.choices && item.choices.length > 0) {
    return pickChoice(answer, choicesOf(item)).index === correctIndex(item) ? 1 : 0;
  }
  return quasiExactMatch(answer, [item.label ?? '']);
}

function unique(metrics: readonly DomainMetric[]): DomainMetric[] {
  return DOMAIN_METRICS.filter((m) => metrics.includes(m));
}

/**
 * A customer's own rows scored with the text metrics the config picks. A metric the row cannot
 * support (no references, no label) is null for that row and leaves it out of that metric's n.
 */
export const domainKind: ScenarioKind<DomainConfig> = {
  kind: 'domain',
  version: '1',
  modality: 'text',
  configSchema: domainConfigSchema,
  samplesPerItem: () => 1,
  buildRequest(item, config, sample) {
    const choices = item.choices && item.choices.length > 0 ? formatChoices(item.choices) : '';
    const prompt = renderTemplate(config.promptTemplate, { input: item.input ?? '', choices });
    return chatRequest(prompt, config.systemPrompt, config.params, sample);
  },
  async score(item, response, config) {
    const answer = extractAnswer(response, config.answerExtraction);
    const wanted = unique(config.metrics);
    const references = item.references ?? [];
    const hasLabel = item.label !== undefined && item.label !== null && item.label !== '';
    const referenceMetrics = wanted.filter((m): m is ReferenceMetric => m !== 'accuracy');
    if (references.length === 0 && !(hasLabel && wanted.includes('accuracy'))) {
      throw new RangeError(
        `item ${item.id} has no references${wanted.includes('accuracy') ? ' and no label' : ''} to score ${wanted.join(', ')} against`,
      );
    }
    const stats: InstanceStats = {};
    for (const metric of referenceMetrics) stats[metric] = null;
    if (references.length > 0) {
      Object.assign(stats, scoreAgainstReferences(answer, references, referenceMetrics));
    }
    if (wanted.includes('accuracy')) stats.accuracy = hasLabel ? labelAccuracy(item, answer) : null;
    return stats;
  },
  metrics: (config) =>
    unique(config.metrics).map((metric): MetricDefinition =>
      metric === 'f1'
        ? { ...sampleMean('f1', 'higher_is_better'), unit: 'score' }
        : firstSampleProportion(metric, 'higher_is_better'),
    ),
  aggregate(instances, config, context) {
    return aggregateItemMetrics(domainKind.metrics(config), groupByItem(instances), {
      seed: context.seed,
      breakdownBy: config.breakdownBy,
    });
  },
};
