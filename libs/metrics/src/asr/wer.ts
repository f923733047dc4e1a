import { type Alignment, alignTokens } from './align';
import { scoreCorpusWithGlm } from './glm/glm-score';
import type { GlmRuleSet } from './glm/glm-rules';
import type { CostModel } from './edit-costs';
import {
  type CorpusScore,
  type ErrorRateOptions,
  type TranscriptPair,
  scoreCorpus,
} from './error-rate';
import { type TextNormalizer, configuredNormalizer } from './normalizers/normalizer-registry';
import { type TranscriptNormalization, splitWords } from './transcript-normalizer';
import { WordEncoder } from './token-encoders';

export interface WordErrorRateOptions extends ErrorRateOptions {
  /**
   * SCTK GLM alternates (parseGlm), applied to both normalized texts as csrfilt.sh does before
   * sclite aligns them; the result's normalizer id then ends in "+glm:<name>#<hash>".
   */
  glm?: GlmRuleSet;
}

/**
 * Corpus word error rate, by default exactly as NIST sclite counts it (same C/S/D/I per
 * utterance): WER = (S + D + I) / reference words over all utterances.
 * An empty hypothesis makes every reference word a deletion (WER 1 for that utterance, never 0).
 */
export function wordErrorRate(
  pairs: readonly TranscriptPair[],
  options: WordErrorRateOptions = {},
): CorpusScore {
  if (options.glm) return scoreCorpusWithGlm(pairs, options.glm, options);
  return scoreCorpus(pairs, new WordEncoder(), options);
}

export interface AlignWordsOptions {
  costs?: CostModel;
  normalization?: TranscriptNormalization;
  /** Replaces `normalization` when given (see ErrorRateOptions.normalizer). */
  normalizer?: TextNormalizer;
}

/**
 * Word alignment with the path. A string is normalized and split into words; an array is taken
 * as already-normalized words.
 */
export function alignWords(
  reference: string | readonly string[],
  hypothesis: string | readonly string[],
  options: AlignWordsOptions = {},
): Alignment {
  const { normalize } = options.normalizer ?? configuredNormalizer(options.normalization);
  const words = (side: string | readonly string[]) =>
    typeof side === 'string' ? splitWords(normalize(side)) : side;
  return alignTokens(words(reference), words(hypothesis), { costs: options.costs });
}
