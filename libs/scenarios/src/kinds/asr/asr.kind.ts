import type { InstanceStats, ScenarioItem, ScenarioKind } from '../../scenario-kind';
import { gapDefinitions, gapValues } from '../../support/gap';
import { aggregateItemMetrics } from '../../support/item-metrics';
import { groupByItem } from '../../support/item-samples';
import { labelFreeStats } from './asr-label-free';
import { labelFreeMetrics, wordMetrics } from './asr-metrics';
import { readAsrResponse } from './asr-response';
import { asrScoringProvenance } from './asr-scoring';
import { wordScores } from './asr-word-scores';
import { type AsrConfig, asrConfigSchema } from './asr.config';

const GAP_BASES = ['wer', 'cer'];

function referenceOf(item: ScenarioItem): string | undefined {
  return item.references?.[0];
}

/**
 * Speech recognition: audio in, transcript out. Labelled items are scored against their
 * reference with sclite-compatible counts (corpus WER = Σ errors / Σ reference words, never a
 * mean of per-utterance rates). Every item with audio — labelled or from an unlabelled
 * monitoring slice — also gets label-free signals: the recording's condition (SNR, level,
 * clipping, tones, speech share) and the recognizer's behaviour (empty transcripts, rate,
 * length, confidence). Intervals resample whole speakers (or sessions) when items carry them,
 * and every metric is also reported per speaker (speaker=<id>, its utterances resampled).
 */
export const asrKind: ScenarioKind<AsrConfig> = {
  kind: 'asr',
  version: '2',
  modality: 'audio',
  configSchema: asrConfigSchema,
  samplesPerItem: () => 1,
  buildRequest(item, config) {
    if (!item.audio) throw new RangeError(`asr item ${item.id} has no audio`);
    const { data, filename, mimeType } = item.audio;
    return { audio: { data, filename, mimeType }, params: { ...config.params } };
  },
  async score(item, raw, config) {
    const response = readAsrResponse(raw, config);
    const reference = referenceOf(item);
    if (reference === undefined && !item.audio)
      throw new RangeError(`asr item ${item.id} has neither a reference transcript nor audio`);
    const stats: InstanceStats = {};
    if (config.labelFreeSignals) Object.assign(stats, labelFreeStats(item, response));
    if (reference !== undefined)
      Object.assign(stats, wordScores(reference, response.text, config, item.alternates ?? null));
    // The transcript as scored, when it is not the stored response itself (a JSON response).
    if (stats.hypothesis === undefined && (reference === undefined || config.response !== 'text'))
      stats.hypothesis = response.text;
    return stats;
  },
  scoringProvenance: (config) => asrScoringProvenance(config),
  metrics: (config) => [
    ...wordMetrics(),
    ...gapDefinitions(
      wordMetrics().filter((m) => GAP_BASES.includes(m.name)),
      config.gapAttributes,
    ),
    ...(config.labelFreeSignals ? labelFreeMetrics() : []),
  ],
  aggregate(instances, config, context) {
    const items = groupByItem(instances);
    const options = {
      seed: context.seed,
      breakdownBy: config.breakdownBy,
      // Per-speaker rows for every metric; sessions stay resampling units only.
      exclude: config.breakdownBy ? [] : config.blockAttributes.filter((a) => a !== 'speaker'),
      blockAttributes: config.blockAttributes,
    };
    const bases = wordMetrics().filter((m) => GAP_BASES.includes(m.name));
    // Scored recordings none of which has a reference (a monitoring slice) have no WER at all:
    // absent, not 0 and not a null row. With nothing scored, every metric is declared (null).
    const labelled =
      instances.length === 0 || instances.some((i) => typeof i.stats.refWords === 'number');
    return [
      ...(labelled ? aggregateItemMetrics(wordMetrics(), items, options) : []),
      ...(labelled ? gapValues(bases, config.gapAttributes, items, options) : []),
      ...(config.labelFreeSignals ? aggregateItemMetrics(labelFreeMetrics(), items, options) : []),
    ];
  },
};
