import type { ScenarioKind } from '../../scenario-kind';
import { WATERMARK_PROMPTS } from '../../data/watermark/watermark-prompts';
import { chatRequest } from '../../support/chat-request';
import { aggregateItemMetrics } from '../../support/item-metrics';
import { groupByItem } from '../../support/item-samples';
import { renderTemplate } from '../../support/prompt-template';
import { type WatermarkConfig, watermarkConfigSchema } from './watermark.config';
import { watermarkMetrics, watermarkStats } from './watermark-stats';

/**
 * Does a claimed green/red-list watermark (Kirchenbauer et al. 2023) hold up? Detection rate on
 * the model's outputs, false-positive rate on human-written references, and detection after
 * word deletions, insertions, swaps and (with a second model) paraphrase.
 */
export const watermarkKind: ScenarioKind<WatermarkConfig> = {
  kind: 'watermark',
  version: '1',
  modality: 'text',
  configSchema: watermarkConfigSchema,
  builtinItems: () => [...WATERMARK_PROMPTS],
  samplesPerItem: (config) => config.samples,
  buildRequest(item, config, sample) {
    const prompt = renderTemplate(config.promptTemplate, { prompt: item.input ?? '' });
    return chatRequest(prompt, config.systemPrompt, config.params, sample);
  },
  score: (item, response, config, context) => watermarkStats(item, response, config, context),
  metrics: (config) => watermarkMetrics(config),
  aggregate(instances, config, context) {
    return aggregateItemMetrics(watermarkMetrics(config), groupByItem(instances), {
      seed: context.seed,
      breakdownBy: config.breakdownBy,
    });
  },
};
