import { ItemValues, type ItemValue } from '../drift/item-value-columns';

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

export function encodeItemStats(items: ItemValues): StoredItemStats {
  return { ids: [...items.ids.list], num: Array.from(items.num), den: Array.from(items.den) };
}

export function decodeItemStats(stored: unknown): ItemValues {
  if (!stored || typeof stored !== 'object') return ItemValues.empty;
  const entries: [string, ItemValue][] = [];
  if (isColumnar(stored)) {
    const { ids, num, den } = stored;
    const complete = ids.every((_, i) => typeof num[i] === 'number' && typeof den[i] === 'number');
    // The stored columns as they are: the common case, and the cheap one.
    if (complete)
      return ItemValues.fromColumns(ids, Float64Array.from(num), Float64Array.from(den));
    for (let i = 0; i < ids.length; i++) {
      if (typeof num[i] === 'number' && typeof den[i] === 'number')
        entries.push([ids[i], { num: num[i], den: den[i] }]);
    }
    return ItemValues.fromEntries(entries);
  }
  for (const [id, value] of Object.entries(stored as Record<string, unknown>)) {
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number') {
      entries.push([id, { num: value[0], den: value[1] }]);
    }
  }
  return ItemValues.fromEntries(entries);
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
