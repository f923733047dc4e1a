import type { MetricDefinition } from '@lastmile/scenarios';
import { ItemValues, type ItemValue } from './item-value-columns';

/** Test metric definitions: 0/1 correctness, a mean score, word errors over reference words. */
export const accuracy: MetricDefinition = {
  name: 'accuracy',
  direction: 'higher_is_better',
  statKind: 'proportion',
  itemValue: (samples) => (samples.length ? { num: Number(samples[0].correct), den: 1 } : null),
};
export const errorRate: MetricDefinition = {
  ...accuracy,
  name: 'error_rate',
  direction: 'lower_is_better',
};
export const toxicity: MetricDefinition = {
  name: 'toxicity',
  direction: 'lower_is_better',
  statKind: 'mean',
  itemValue: (samples) =>
    samples.length
      ? { num: samples.reduce((s, x) => s + Number(x.toxic), 0) / samples.length, den: 1 }
      : null,
};
export const wer: MetricDefinition = {
  name: 'wer',
  direction: 'lower_is_better',
  statKind: 'ratio',
  itemValue: (samples) =>
    samples.length ? { num: Number(samples[0].errors), den: Number(samples[0].words) } : null,
};

/** Items `${prefix}0..n-1` whose value is given by index. */
export function items(n: number, value: (i: number) => ItemValue, prefix = 'i'): ItemValues {
  return ItemValues.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, value(i)]));
}

/** Item values from an object keyed by item id. */
export const keyed = (record: Record<string, ItemValue>): ItemValues =>
  ItemValues.fromRecord(record);

export const bit = (x: boolean | number): ItemValue => ({ num: Number(x), den: 1 });
