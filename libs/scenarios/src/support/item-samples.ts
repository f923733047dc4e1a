import type { InstanceStats, ScoredInstance } from '../scenario-kind';

/** One item with the stats of its scored samples (errored samples never reach a kind). */
export interface ItemSamples {
  itemId: string;
  attributes: Record<string, string>;
  /** In sample order. */
  samples: InstanceStats[];
}

/** Groups instances by item, items sorted by id so that seeded resampling is reproducible. */
export function groupByItem(instances: readonly ScoredInstance[]): ItemSamples[] {
  const byId = new Map<string, { attributes: Record<string, string>; samples: ScoredInstance[] }>();
  for (const instance of instances) {
    const entry = byId.get(instance.itemId);
    if (entry) entry.samples.push(instance);
    else byId.set(instance.itemId, { attributes: instance.attributes, samples: [instance] });
  }
  return [...byId.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([itemId, { attributes, samples }]) => ({
      itemId,
      attributes,
      samples: samples.sort((a, b) => a.sample - b.sample).map((s) => s.stats),
    }));
}

/** A numeric stat, or null when absent or not a finite number. */
export function numericStat(stats: InstanceStats, key: string): number | null {
  const value = stats[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Sum of a numeric stat over samples; null when no sample has it. */
export function sumStat(samples: readonly InstanceStats[], key: string): number | null {
  let sum: number | null = null;
  for (const stats of samples) {
    const value = numericStat(stats, key);
    if (value !== null) sum = (sum ?? 0) + value;
  }
  return sum;
}

/** Mean of a numeric stat over the samples that have it; null when none has it. */
export function meanStat(samples: readonly InstanceStats[], key: string): number | null {
  const values = samples.map((s) => numericStat(s, key)).filter((v): v is number => v !== null);
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}
