import type { ItemValue } from '../drift/item-values';

/** baselines.item_stats: item id -> [num, den] summed over the baseline's runs (compact JSON). */
export type StoredItemStats = Record<string, [number, number]>;

export function encodeItemStats(items: Readonly<Record<string, ItemValue>>): StoredItemStats {
  return Object.fromEntries(Object.entries(items).map(([id, v]) => [id, [v.num, v.den]]));
}

export function decodeItemStats(stored: unknown): Record<string, ItemValue> {
  if (!stored || typeof stored !== 'object') return {};
  const out: Record<string, ItemValue> = {};
  for (const [id, value] of Object.entries(stored as Record<string, unknown>)) {
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number') {
      out[id] = { num: value[0], den: value[1] };
    }
  }
  return out;
}
