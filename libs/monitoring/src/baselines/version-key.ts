/**
 * What a baseline is a baseline of: the model's adapter spec hash and the slice's content hash.
 * A new model or slice version has another key, so it starts its own baseline.
 */
export function baselineVersionKey(
  modelSpecHash: string,
  sliceContentHash: string,
  scoringHash?: string | null,
): string {
  const key = `${modelSpecHash.slice(0, 16)}:${sliceContentHash.slice(0, 16)}`;
  // Kinds without scoring provenance keep the keys they always had.
  return scoringHash ? `${key}:${scoringHash.slice(0, 16)}` : key;
}

/** Pinned rows get their own key, so a pin never collides with the version's first_n baseline. */
export const pinnedVersionKey = (versionKey: string) => `pinned:${versionKey}`;
