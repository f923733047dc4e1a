import { characterErrorRate, wordErrorRate } from '@lastmile/metrics';
import type { MetricDefinition, ScenarioItem, ScenarioKind } from '../../scenario-kind';
import { gapDefinitions, gapValues } from '../../support/gap';
import { aggregateItemMetrics, ratioOfSums } from '../../support/item-metrics';
import { groupByItem } from '../../support/item-samples';
import { type AsrConfig, asrConfigSchema } from './asr.config';

function referenceOf(item: ScenarioItem): string {
  const reference = item.references?.[0];
  if (reference === undefined)
    throw new RangeError(`asr item ${item.id} has no reference transcript`);
  return reference;
}

const itemMetrics = (): MetricDefinition[] => [
  ratioOfSums('wer', 'lower_is_better', 'errors', 'refWords'),
  ratioOfSums('cer', 'lower_is_better', 'charErrors', 'refChars'),
  ratioOfSums('substitution_rate', 'lower_is_better', 'substitutions', 'refWords'),
  ratioOfSums('deletion_rate', 'lower_is_better', 'deletions', 'refWords'),
  ratioOfSums('insertion_rate', 'lower_is_better', 'insertions', 'refWords'),
];

const GAP_BASES = ['wer', 'cer'];

/**
 * Speech recognition: audio in, transcript out, scored against the reference transcript with
 * sclite-compatible counts. Corpus WER = Σ errors / Σ reference words (never a mean of
 * per-utterance rates), with a bootstrap over utterances, or over whole speakers when known.
 */
export const asrKind: ScenarioKind<AsrConfig> = {
  kind: 'asr',
  version: '1',
  modality: 'audio',
  configSchema: asrConfigSchema,
  samplesPerItem: () => 1,
  buildRequest(item, config) {
    if (!item.audio) throw new RangeError(`asr item ${item.id} has no audio`);
    const { data, filename, mimeType } = item.audio;
    return { audio: { data, filename, mimeType }, params: { ...config.params } };
  },
  async score(item, response, config) {
    const pairs = [{ id: item.id, reference: referenceOf(item), hypothesis: response }];
    const options = { costs: config.costs, normalization: config.normalization };
    const words = wordErrorRate(pairs, options);
    const chars = characterErrorRate(pairs, { ...options, countSpaces: config.cerCountSpaces });
    return {
      errors: words.errors,
      refWords: words.refWords,
      hypWords: words.hypWords,
      hits: words.hits,
      substitutions: words.substitutions,
      deletions: words.deletions,
      insertions: words.insertions,
      charErrors: chars.errors,
      refChars: chars.refChars,
      normalizer: words.normalizer,
    };
  },
  metrics: (config) => [
    ...itemMetrics(),
    ...gapDefinitions(
      itemMetrics().filter((m) => GAP_BASES.includes(m.name)),
      config.gapAttributes,
    ),
  ],
  aggregate(instances, config, context) {
    const items = groupByItem(instances);
    const options = {
      seed: context.seed,
      breakdownBy: config.breakdownBy,
      exclude: config.breakdownBy ? [] : config.blockAttributes,
      blockAttributes: config.blockAttributes,
    };
    const bases = itemMetrics().filter((m) => GAP_BASES.includes(m.name));
    return [
      ...aggregateItemMetrics(itemMetrics(), items, options),
      ...gapValues(bases, config.gapAttributes, items, options),
    ];
  },
};
