import type * as Fuzzball from 'fuzzball';
import { foldText } from './names';

// Required on first use: loading fuzzball costs ~80 ms of every process's start-up, and only
// citation checks need it.
let fuzzball: typeof Fuzzball | undefined;

/** Default least token-sort ratio (of 100) for two titles to name the same work. */
export const DEFAULT_TITLE_THRESHOLD = 85;

/** Strips markup a bibliography may carry (<i>, <span class="nocase">) before comparing. */
export function cleanTitle(title: string): string {
  return title
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Similarity of two titles, 0-100: fuzzball's token_sort_ratio (words sorted, then a
 * Levenshtein ratio) on accent-folded lowercase words. Not token_set_ratio, which scores any
 * title that is a subset of the other as 100. Titles with no words score 0.
 */
export function titleSimilarity(a: string, b: string): number {
  const fa = foldText(cleanTitle(a));
  const fb = foldText(cleanTitle(b));
  if (fa === '' || fb === '') return 0;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  fuzzball ??= require('fuzzball') as typeof Fuzzball;
  return fuzzball.token_sort_ratio(fa, fb, { force_ascii: false });
}
