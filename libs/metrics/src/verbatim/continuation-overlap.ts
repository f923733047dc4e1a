import {
  editSimilarity,
  longestCommonPrefix,
  longestCommonSubstring,
  tokenEditDistance,
} from './sequence-overlap';
import { treebankTokenize } from './treebank-tokenize';

export interface ContinuationOverlap {
  longestCommonPrefix: number;
  longestCommonSubstring: number;
  editDistance: number;
  editSimilarity: number;
  completionTokens: number;
  /** Tokens of the true continuation after truncation to the completion's length. */
  referenceTokens: number;
}

export interface OverlapOptions {
  /** HELM's normalize_newline_space_tab: newlines and tabs become spaces, runs of spaces one. */
  normalizeWhitespace?: boolean;
  /** Default: NLTK's Treebank word tokenizer, as HELM. */
  tokenize?: (text: string) => string[];
  /**
   * How the continuation is cut to the completion's length: 'characters' (HELM) before
   * tokenizing, or 'tokens' after. Identifier-normalized code needs 'tokens': a copy whose names
   * are shorter or longer than the original's has a different length in characters.
   */
  truncate?: 'characters' | 'tokens';
}

/** HELM's _normalize_newline_space_tab. */
export function normalizeNewlineSpaceTab(text: string): string {
  return text.replace(/[\n\t]/g, ' ').replace(/ +/g, ' ');
}

/**
 * How much of the true continuation a completion reproduces, as HELM's BasicCopyrightMetric
 * measures it: the completion is stripped (and the continuation's leading whitespace), the continuation (the rest of the protected text
 * after the prompt's prefix) is cut to the completion's length in characters so that edit
 * distance compares like with like, and both are tokenized before counting.
 */
export function continuationOverlap(
  completion: string,
  continuation: string,
  options: OverlapOptions = {},
): ContinuationOverlap {
  const tokenize = options.tokenize ?? treebankTokenize;
  let text = completion.trim();
  // HELM strips the completion but not the continuation, so a continuation that starts with a
  // space (as after a cut between words) loses a character at the cut; we strip its start too.
  let reference = continuation.trimStart();
  if (options.normalizeWhitespace) {
    text = normalizeNewlineSpaceTab(text);
    reference = normalizeNewlineSpaceTab(reference);
  }
  const a = tokenize(text);
  let b: string[];
  if (options.truncate === 'tokens') b = tokenize(reference).slice(0, a.length);
  else {
    // Python slices by code point; so do we (a surrogate pair is one character).
    const truncated = Array.from(reference).slice(0, Array.from(text).length).join('');
    b = tokenize(truncated);
  }
  return {
    longestCommonPrefix: longestCommonPrefix(a, b),
    longestCommonSubstring: longestCommonSubstring(a, b),
    editDistance: tokenEditDistance(a, b),
    editSimilarity: editSimilarity(a, b),
    completionTokens: a.length,
    referenceTokens: b.length,
  };
}
