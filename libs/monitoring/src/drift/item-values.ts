import type { InstanceStats, MetricDefinition, ScoredInstance } from '@lastmile/scenarios';

export interface ItemValue {
  num: number;
  den: number;
}

/** metric -> subgroup ('all' | 'attr=value') -> item id -> the item's contribution. */
export type ItemValueSet = Record<string, Record<string, Record<string, ItemValue>>>;

/**
 * Per-item values of every metric, overall and per attribute value: what paired drift tests
 * compare. Samples of one item are grouped and reduced by the metric's own itemValue.
 */
export function itemValuesFor(
  metrics: readonly MetricDefinition[],
  instances: readonly ScoredInstance[],
): ItemValueSet {
  const byItem = new Map<
    string,
    { attributes: Record<string, string>; samples: InstanceStats[] }
  >();
  for (const instance of instances) {
    const entry = byItem.get(instance.itemId) ?? { attributes: instance.attributes, samples: [] };
    entry.samples.push(instance.stats);
    byItem.set(instance.itemId, entry);
  }
  const result: ItemValueSet = {};
  for (const metric of metrics) {
    const subgroups: Record<string, Record<string, ItemValue>> = {};
    for (const [itemId, { attributes, samples }] of byItem) {
      const value = metric.itemValue(samples);
      if (!value || !Number.isFinite(value.num) || !Number.isFinite(value.den)) continue;
      (subgroups.all ??= {})[itemId] = value;
      for (const [name, attributeValue] of Object.entries(attributes)) {
        (subgroups[`${name}=${attributeValue}`] ??= {})[itemId] = value;
      }
    }
    result[metric.name] = subgroups;
  }
  return result;
}
