import { createHash } from 'node:crypto';
import { adapterSpecHash, PARAPHRASE_PROMPT, type AdapterSpecInput } from '@lastmile/adapters';
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
  // The paraphrase attack's model and prompt decide detection_rate_after_paraphrase.
  scoringProvenance: (config) =>
    config.paraphrase
      ? {
          paraphraser: {
            id: paraphraserId(config.paraphrase.model),
            modelSpecHash: adapterSpecHash(config.paraphrase.model),
            promptHash: createHash('sha256').update(PARAPHRASE_PROMPT).digest('hex'),
          },
        }
      : null,
  aggregate(instances, config, context) {
    return aggregateItemMetrics(watermarkMetrics(config), groupByItem(instances), {
      seed: context.seed,
      breakdownBy: config.breakdownBy,
    });
  },
};

/** `paraphraser:` + 16 hex of the paraphrasing model's adapter spec hash (context.paraphraser.id). */
export function paraphraserId(model: AdapterSpecInput): string {
  return `paraphraser:${adapterSpecHash(model).slice(0, 16)}`;
}
