import type { ItemValue } from '../drift/item-values';

/**
 * baselines.item_stats: each item's [num, den] summed over the baseline's runs, as parallel arrays
 * (`ids`, `num`, `den`). Arrays, not an object keyed by item id: a 20,000-item baseline parses in
 * a fifth of the time (keyed objects of that size are slow to build), and the monitor reads
 * hundreds of them per run. The keyed form of earlier versions (`{ id: [num, den] }`) still reads.
 */
export interface StoredItemStats {
  ids: string[];
  num: number[];
  den: number[];
}

export function encodeItemStats(items: Readonly<Record<string, ItemValue>>): StoredItemStats {
  const stored: StoredItemStats = { ids: [], num: [], den: [] };
  for (const id in items) {
    stored.ids.push(id);
    stored.num.push(items[id].num);
    stored.den.push(items[id].den);
  }
  return stored;
}

export function decodeItemStats(stored: unknown): Record<string, ItemValue> {
  if (!stored || typeof stored !== 'object') return {};
  if (isColumnar(stored)) {
    const out: Record<string, ItemValue> = {};
    const { ids, num, den } = stored;
    for (let i = 0; i < ids.length; i++) {
      if (typeof num[i] === 'number' && typeof den[i] === 'number')
        out[ids[i]] = { num: num[i], den: den[i] };
    }
    return out;
  }
  const out: Record<string, ItemValue> = {};
  for (const [id, value] of Object.entries(stored as Record<string, unknown>)) {
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number') {
      out[id] = { num: value[0], den: value[1] };
    }
  }
  return out;
}

function isColumnar(stored: object): stored is StoredItemStats {
  const { ids, num, den } = stored as Partial<StoredItemStats>;
  // A keyed baseline whose items are named ids, num and den holds [num, den] pairs, not id lists.
  return (
    Array.isArray(ids) &&
    Array.isArray(num) &&
    Array.isArray(den) &&
    ids.length === num.length &&
    ids.length === den.length &&
    ids.every((id) => typeof id === 'string')
  );
}
