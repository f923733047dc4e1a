import { createHash } from 'node:crypto';
import { canonicalJson } from '@lastmile/hashing';
import type { SliceItem, SliceModality } from './parsed-slice';

const HASH_VERSION = 'lastmile-slice-v1';

/**
 * sha256 hex of a slice's content. Items are hashed as a set ordered by id, each as JSON with
 * sorted keys and audio replaced by its mime type and the sha256 of its bytes; so row order, key
 * order, archive layout, file names and compression do not change the hash, and any changed
 * text, attribute or audio byte does. An alternates (GLM) file is hashed after the items, so a
 * slice without one hashes as before and a changed GLM is a new version (a new baseline).
 */
export function sliceContentHash(
  modality: SliceModality,
  items: readonly SliceItem[],
  alternates: string | null = null,
): string {
  const hash = createHash('sha256').update(`${HASH_VERSION}\n${modality}\n`);
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const item of sorted) hash.update(`${canonicalJson(canonicalItem(item))}\n`);
  if (alternates !== null) hash.update(`alternates.glm\n${alternates}`);
  return hash.digest('hex');
}

function canonicalItem(item: SliceItem): unknown {
  const { audio, ...rest } = item;
  if (!audio) return rest;
  const sha256 = createHash('sha256').update(audio.data).digest('hex');
  return { ...rest, audio: { mimeType: audio.mimeType, sha256 } };
}
