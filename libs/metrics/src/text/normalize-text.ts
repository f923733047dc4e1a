import { pySplit } from './python-string';

// Python's string.punctuation: ASCII only, so “curly quotes” and dashes like — survive (as in HELM).
const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
// Python's Unicode \b around a|an|the: a word character is a letter, a number or "_".
const ARTICLES = /(?<![\p{L}\p{N}_])(?:a|an|the)(?![\p{L}\p{N}_])/gu;

export interface NormalizeTextOptions {
  /** Drop the articles a, an, the (default true, as HELM's quasi-exact match does). */
  removeArticles?: boolean;
}

/**
 * HELM's `normalize_text` (the SQuAD/QuAC answer normalizer): lowercase, remove ASCII
 * punctuation, replace the articles a/an/the by a space, then collapse whitespace.
 */
export function normalizeText(text: string, options: NormalizeTextOptions = {}): string {
  let normalized = text.toLowerCase().replace(ASCII_PUNCTUATION, '');
  if (options.removeArticles ?? true) normalized = normalized.replace(ARTICLES, ' ');
  return pySplit(normalized).join(' ');
}
