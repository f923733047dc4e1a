import { createHash } from 'node:crypto';
import type { SliceItem, SliceModality } from './parsed-slice';

const HASH_VERSION = 'lastmile-slice-v1';

/**
 * sha256 hex of a slice's content. Items are hashed as a set ordered by id, each as JSON with
 * sorted keys and audio replaced by its mime type and the sha256 of its bytes; so row order, key
 * order, archive layout, file names and compression do not change the hash, and any changed
 * text, attribute or audio byte does.
 */
export function sliceContentHash(modality: SliceModality, items: readonly SliceItem[]): string {
  const hash = createHash('sha256').update(`${HASH_VERSION}\n${modality}\n`);
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const item of sorted) hash.update(`${canonicalJson(canonicalItem(item))}\n`);
  return hash.digest('hex');
}

function canonicalItem(item: SliceItem): unknown {
  const { audio, ...rest } = item;
  if (!audio) return rest;
  const sha256 = createHash('sha256').update(audio.data).digest('hex');
  return { ...rest, audio: { mimeType: audio.mimeType, sha256 } };
}

/** JSON with object keys sorted at every level and undefined members left out. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map(
        (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
      );
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}
