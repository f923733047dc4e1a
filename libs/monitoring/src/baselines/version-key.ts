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

/**
 * The scoring part of a version key ('' for kinds without scoring provenance). Baselines of
 * different scoring (another normalizer, judge or GLM) measure different things: they are never
 * compared, whatever the policy says about model and slice versions.
 */
export function scoringOfVersionKey(versionKey: string): string {
  const parts = versionKey.replace(/^pinned:/, '').split(':');
  return parts.length >= 3 ? parts[2] : '';
}
