import type { ScenarioKind } from '../../scenario-kind';
import { PROTECTED_TEXTS } from '../../data/verbatim/protected-texts';
import { chatRequest } from '../../support/chat-request';
import { aggregateItemMetrics } from '../../support/item-metrics';
import { groupByItem } from '../../support/item-samples';
import { renderTemplate } from '../../support/prompt-template';
import { type VerbatimConfig, verbatimConfigSchema } from './verbatim.config';
import { splitItem } from './verbatim-item';
import { VERBATIM_METRICS, verbatimStats } from './verbatim-stats';

/**
 * Memorization of protected text and code: the model is prompted with a prefix of each text and
 * its completion is measured against the true continuation with HELM's copyright metrics, plus
 * the share of items copied verbatim; code also after identifier normalization, so that a copy
 * with renamed variables is still caught. Every metric is lower-is-better and alertable.
 */
export const verbatimKind: ScenarioKind<VerbatimConfig> = {
  kind: 'verbatim',
  version: '1',
  modality: 'text',
  configSchema: verbatimConfigSchema,
  builtinItems: () => [...PROTECTED_TEXTS],
  samplesPerItem: (config) => config.samples,
  buildRequest(item, config, sample) {
    const { prefix } = splitItem(item, config);
    const prompt = renderTemplate(config.promptTemplate, { prefix });
    return chatRequest(prompt, config.systemPrompt, config.params, sample);
  },
  async score(item, response, config) {
    return verbatimStats(item, response, config);
  },
  metrics: () => [...VERBATIM_METRICS],
  aggregate(instances, config, context) {
    return aggregateItemMetrics(VERBATIM_METRICS, groupByItem(instances), {
      seed: context.seed,
      breakdownBy: config.breakdownBy,
    });
  },
};
