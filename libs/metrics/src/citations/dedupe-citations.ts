import type { Citation } from './citation.types';
import { foldText } from './names';

const FIELDS = ['title', 'firstAuthor', 'year', 'doi', 'arxivId'] as const;
type Keys = (string | undefined)[];

function keysOf(c: Citation): Keys {
  return FIELDS.map((f) => {
    const value = c[f];
    if (value === undefined) return undefined;
    return f === 'title' || f === 'firstAuthor' ? foldText(String(value)) : String(value);
  });
}

/** Whether every field `a` gives, `b` gives alike. */
const covers = (b: Keys, a: Keys): boolean => a.every((k, i) => k === undefined || k === b[i]);
const fieldCount = (keys: Keys): number => keys.filter((k) => k !== undefined).length;

/**
 * Drops repeated mentions of one work: a citation whose every field another citation repeats
 * (e.g. "Vaswani et al. (2017)" in the text and the full entry in the reference list). Of two
 * identical citations the first is kept.
 */
export function dedupeCitations(citations: readonly Citation[]): Citation[] {
  const keys = citations.map(keysOf);
  return citations.filter(
    (_, i) =>
      !keys.some(
        (other, j) =>
          j !== i &&
          covers(other, keys[i]) &&
          (fieldCount(other) > fieldCount(keys[i]) || (j < i && covers(keys[i], other))),
      ),
  );
}
