import { createHash } from 'node:crypto';
import {
  bpeEncoding,
  detectWatermark,
  greenListKey,
  perturbWords,
  type GreenListKey,
} from '@lastmile/metrics';
import type {
  InstanceStats,
  MetricDefinition,
  ScenarioContext,
  ScenarioItem,
} from '../../scenario-kind';
import { numericStat } from '../../support/item-samples';
import {
  PARAPHRASE_METRIC,
  perturbationMetricName,
  type WatermarkConfig,
} from './watermark.config';

const keys = new Map<string, GreenListKey>();

function keyOf(config: WatermarkConfig): GreenListKey {
  const id = `${config.gamma}:${config.key}`;
  let key = keys.get(id);
  if (key === undefined) keys.set(id, (key = greenListKey(config.key, config.gamma)));
  return key;
}

/** Flagged (1) or not (0) under the config's scheme. */
export function flagged(
  text: string,
  config: WatermarkConfig,
): { detected: number; z: number | null; scored: number; green: number; pValue: number } {
  const tokens = bpeEncoding(config.encoding).encode(text);
  const result = detectWatermark(tokens, keyOf(config), config.zThreshold);
  return {
    detected: result.detected ? 1 : 0,
    z: result.z,
    scored: result.scored,
    green: result.green,
    pValue: result.pValue,
  };
}

/** A perturbation seed from the run seed, the item and the text: reproducible, different per item. */
function perturbationSeed(seed: number, itemId: string, text: string, index: number): number {
  const digest = createHash('sha256')
    .update(`${seed}\u0000${itemId}\u0000${index}\u0000${text}`)
    .digest();
  return digest.readInt32BE(0);
}

/**
 * One output: its z-test, the test after each attack, and (so that the false-positive rate has
 * its own denominator) how many of the item's human-written references the test flags.
 */
export async function watermarkStats(
  item: ScenarioItem,
  response: string,
  config: WatermarkConfig,
  context: ScenarioContext,
): Promise<InstanceStats> {
  const output = flagged(response, config);
  const stats: InstanceStats = {
    z: output.z,
    p_value: output.pValue,
    scored_tokens: output.scored,
    green_tokens: output.green,
    detected: output.detected,
  };
  config.perturbations.forEach((p, index) => {
    const attacked = perturbWords(
      response,
      p.kind,
      p.rate,
      perturbationSeed(context.seed, item.id, response, index),
    );
    stats[perturbationMetricName(p)] = flagged(attacked, config).detected;
  });
  if (config.paraphrase) {
    if (!context.paraphraser)
      throw new Error(
        'watermark config asks for a paraphrase attack but the runner supplied no paraphraser',
      );
    const paraphrased = await context.paraphraser.paraphrase(response);
    stats[PARAPHRASE_METRIC] = flagged(paraphrased, config).detected;
    stats.paraphraser_id = context.paraphraser.id;
  }
  const references = (item.references ?? []).filter((r) => r.trim() !== '');
  stats.references = references.length;
  stats.references_flagged = references.filter((r) => flagged(r, config).detected === 1).length;
  return stats;
}

/** Σ detected / Σ samples for an item (each output a Bernoulli trial). */
function detectionRate(name: string, statKey: string): MetricDefinition {
  return {
    name,
    direction: 'higher_is_better',
    statKind: 'proportion',
    itemValue: (samples) => {
      const values = samples.map((s) => numericStat(s, statKey)).filter((v) => v !== null);
      return values.length === 0
        ? null
        : { num: values.reduce((a, b) => a + b, 0), den: values.length };
    },
  };
}

export function watermarkMetrics(config: WatermarkConfig): MetricDefinition[] {
  return [
    detectionRate('detection_rate', 'detected'),
    {
      // References are the same for every sample: counted once, from the first.
      name: 'false_positive_rate',
      direction: 'lower_is_better',
      statKind: 'proportion',
      itemValue: (samples) => {
        const first = samples[0];
        const n = first === undefined ? null : numericStat(first, 'references');
        if (n === null || n === 0) return null;
        return { num: numericStat(first, 'references_flagged') ?? 0, den: n };
      },
    },
    ...config.perturbations.map((p) =>
      detectionRate(perturbationMetricName(p), perturbationMetricName(p)),
    ),
    ...(config.paraphrase ? [detectionRate(PARAPHRASE_METRIC, PARAPHRASE_METRIC)] : []),
    {
      name: 'mean_z',
      direction: 'higher_is_better',
      statKind: 'mean',
      unit: 'z',
      descriptive: true,
      itemValue: (samples) => {
        const values = samples.map((s) => numericStat(s, 'z')).filter((v) => v !== null);
        return values.length === 0
          ? null
          : { num: values.reduce((a, b) => a + b, 0) / values.length, den: 1 };
      },
    },
  ];
}
