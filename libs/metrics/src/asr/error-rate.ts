import { type AlignmentStep, alignTokens } from './align';
import type { CostModel, EditCounts } from './edit-costs';
import { EditCounter } from './edit-counter';
import { type TextNormalizer, configuredNormalizer } from './normalizers/normalizer-registry';
import type { TranscriptNormalization } from './transcript-normalizer';
import { TokenBuffer, type TokenEncoder } from './token-encoders';

export interface TranscriptPair {
  id: string;
  reference: string;
  hypothesis: string;
}

export interface ErrorRateOptions {
  /** 'sclite' (default, reproduces NIST sclite) or 'unit' (Levenshtein, as jiwer). See edit-costs.ts. */
  costs?: CostModel;
  /** Applied identically to reference and hypothesis; defaults in transcript-normalizer.ts. */
  normalization?: TranscriptNormalization;
  /**
   * A named, versioned normalizer (normalizerByName: 'none', 'basic', 'english-v1'); when given
   * it replaces `normalization`, and its id is the result's `normalizer`.
   */
  normalizer?: TextNormalizer;
  /** Also return each utterance's alignment path (slower; for showing examples). */
  includeOps?: boolean;
}

/**
 * One utterance. `refWords`/`hypWords` count tokens of the scored unit (characters in CER).
 * `errors` = S + D + I and `refWords` are what a bootstrap over utterances resamples.
 * `wer` is null when the reference is empty: a rate is undefined for that utterance alone,
 * but its insertions still count as errors in the corpus total.
 */
export interface UtteranceScore extends EditCounts {
  id: string;
  refWords: number;
  hypWords: number;
  errors: number;
  wer: number | null;
  ops?: AlignmentStep[];
}

/**
 * Corpus totals: wer = (S + D + I) / reference tokens summed over utterances — never a mean of
 * per-utterance rates. null when the corpus has no reference tokens at all.
 */
export interface CorpusScore extends EditCounts {
  unit: 'word' | 'char';
  costs: CostModel;
  normalizer: string;
  utterances: number;
  refWords: number;
  hypWords: number;
  errors: number;
  wer: number | null;
  perUtterance: UtteranceScore[];
}

export function errorRate(errors: number, refTokens: number): number | null {
  return refTokens === 0 ? null : errors / refTokens;
}

/** Scores every pair with the given tokenization; shared by WER and CER. */
export function scoreCorpus(
  pairs: readonly TranscriptPair[],
  encoder: TokenEncoder,
  options: ErrorRateOptions = {},
): CorpusScore {
  const costs = options.costs ?? 'sclite';
  const normalizer = options.normalizer ?? configuredNormalizer(options.normalization);
  const normalize = normalizer.normalize;
  const counter = new EditCounter(costs);
  const refBuffer = new TokenBuffer();
  const hypBuffer = new TokenBuffer();
  const totals: CorpusScore = {
    unit: encoder.unit,
    costs,
    normalizer: normalizer.id,
    utterances: pairs.length,
    refWords: 0,
    hypWords: 0,
    hits: 0,
    substitutions: 0,
    deletions: 0,
    insertions: 0,
    errors: 0,
    wer: null,
    perUtterance: new Array<UtteranceScore>(pairs.length),
  };
  for (let i = 0; i < pairs.length; i++) {
    const reference = normalize(pairs[i].reference);
    const hypothesis = normalize(pairs[i].hypothesis);
    const n = encoder.encode(reference, refBuffer);
    const m = encoder.encode(hypothesis, hypBuffer);
    counter.count(refBuffer.data, n, hypBuffer.data, m);
    const errors = counter.substitutions + counter.deletions + counter.insertions;
    const utterance: UtteranceScore = {
      id: pairs[i].id,
      refWords: n,
      hypWords: m,
      hits: counter.hits,
      substitutions: counter.substitutions,
      deletions: counter.deletions,
      insertions: counter.insertions,
      errors,
      wer: errorRate(errors, n),
    };
    if (options.includeOps) {
      utterance.ops = alignTokens(encoder.split(reference), encoder.split(hypothesis), {
        costs,
      }).ops;
    }
    totals.perUtterance[i] = utterance;
    totals.refWords += n;
    totals.hypWords += m;
    totals.hits += counter.hits;
    totals.substitutions += counter.substitutions;
    totals.deletions += counter.deletions;
    totals.insertions += counter.insertions;
    totals.errors += errors;
  }
  totals.wer = errorRate(totals.errors, totals.refWords);
  return totals;
}
