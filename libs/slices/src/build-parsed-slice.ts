import { sliceContentHash } from './content-hash';
import type { ParsedSlice, SliceItem, SliceModality } from './parsed-slice';

export function buildParsedSlice(modality: SliceModality, items: SliceItem[]): ParsedSlice {
  return {
    modality,
    items,
    contentHash: sliceContentHash(modality, items),
    attributes: attributeValues(items),
  };
}

/** Every attribute name with its distinct values, names and values sorted. */
export function attributeValues(items: readonly SliceItem[]): Record<string, string[]> {
  const values = new Map<string, Set<string>>();
  for (const item of items) {
    for (const [name, value] of Object.entries(item.attributes)) {
      const seen = values.get(name) ?? new Set<string>();
      seen.add(value);
      values.set(name, seen);
    }
  }
  return Object.fromEntries(
    [...values.keys()].sort().map((name) => [name, [...values.get(name)!].sort()]),
  );
}
