import {
  type CorpusScore,
  type ErrorRateOptions,
  type TranscriptPair,
  type UtteranceScore,
  scoreCorpus,
} from './error-rate';
import { CharEncoder } from './token-encoders';

export interface CharacterErrorRateOptions extends ErrorRateOptions {
  /** Count whitespace as characters (jiwer's CER does). Default false, as sclite -c. */
  countSpaces?: boolean;
}

/** In CER results the generic token fields (refWords, hypWords, wer) count characters too. */
export interface CharUtteranceScore extends UtteranceScore {
  refChars: number;
  hypChars: number;
  cer: number | null;
}

export interface CharCorpusScore extends CorpusScore {
  countSpaces: boolean;
  refChars: number;
  hypChars: number;
  cer: number | null;
  perUtterance: CharUtteranceScore[];
}

/**
 * Corpus character error rate: the same alignment (costs, tie-breaking) over Unicode code points,
 * matching `sclite -c -e utf-8`, which splits words into characters and drops the spaces between
 * them. CER = (S + D + I) / reference characters over all utterances.
 */
export function characterErrorRate(
  pairs: readonly TranscriptPair[],
  options: CharacterErrorRateOptions = {},
): CharCorpusScore {
  const countSpaces = options.countSpaces ?? false;
  const score = scoreCorpus(pairs, new CharEncoder(countSpaces), options);
  return {
    ...score,
    countSpaces,
    refChars: score.refWords,
    hypChars: score.hypWords,
    cer: score.wer,
    perUtterance: score.perUtterance.map((u) => ({
      ...u,
      refChars: u.refWords,
      hypChars: u.hypWords,
      cer: u.wer,
    })),
  };
}
