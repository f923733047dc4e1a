// Speech-recognition accuracy: WER and CER as NIST sclite counts them, transcript formats.
export {
  type Alignment,
  type AlignmentStep,
  type AlignOptions,
  type EditOp,
  alignTokens,
} from './align';
export {
  type CharCorpusScore,
  type CharUtteranceScore,
  type CharacterErrorRateOptions,
  characterErrorRate,
} from './cer';
export {
  COST_MODELS,
  type CostModel,
  EDIT_COSTS,
  type EditCosts,
  type EditCounts,
  editCosts,
} from './edit-costs';
export { EditCounter } from './edit-counter';
export {
  type CorpusScore,
  type ErrorRateOptions,
  type TranscriptPair,
  type UtteranceScore,
  errorRate,
  scoreCorpus,
} from './error-rate';
export {
  DEFAULT_TRANSCRIPT_NORMALIZATION,
  NORMALIZER_VERSION,
  type TranscriptNormalization,
  type ResolvedTranscriptNormalization,
  createTranscriptNormalizer,
  normalizeTranscript,
  normalizerId,
  resolveTranscriptNormalization,
  splitWords,
} from './transcript-normalizer';
export {
  NORMALIZER_NAMES,
  type NormalizerName,
  type TextNormalizer,
  configuredNormalizer,
  normalizerByName,
  whisperBasicNormalize,
} from './normalizers';
export { TranscriptMismatchError, pairTranscripts } from './pair-transcripts';
export { type ScliteUtterance, parseScliteSgml } from './sclite-sgml';
export { type SyntheticTranscriptOptions, generateTranscriptPairs } from './synthetic-transcripts';
export { CharEncoder, TokenBuffer, type TokenEncoder, WordEncoder } from './token-encoders';
export { type Transcript, TranscriptFormatError } from './transcript';
export { formatTranscriptJsonl, parseTranscriptJsonl } from './transcript-jsonl';
export { formatTrn, parseTrn } from './trn';
export {
  type AlignWordsOptions,
  type WordErrorRateOptions,
  alignWords,
  wordErrorRate,
} from './wer';
export {
  type GlmAlignment,
  type GlmParseOptions,
  type GlmRule,
  type GlmRuleSet,
  GlmFormatError,
  alignWithGlm,
  applyGlm,
  parseGlm,
} from './glm';
