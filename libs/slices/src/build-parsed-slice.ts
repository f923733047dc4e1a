import { sliceContentHash } from './content-hash';
import type { ParsedSlice, SliceItem, SliceModality, SlicePurpose } from './parsed-slice';

/**
 * The content hash covers the items and the alternates (they decide the scores): the same
 * recordings hash alike whatever the purpose.
 */
export function buildParsedSlice(
  modality: SliceModality,
  items: SliceItem[],
  purpose: SlicePurpose = 'evaluation',
  alternates: string | null = null,
): ParsedSlice {
  return {
    modality,
    purpose,
    items,
    alternates,
    contentHash: sliceContentHash(modality, items, alternates),
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
