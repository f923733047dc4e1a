// Verbatim reproduction of protected text and code (HELM copyright metrics; identifier-normalized code).
export { treebankTokenize } from './treebank-tokenize';
export {
  editSimilarity,
  longestCommonPrefix,
  longestCommonSubstring,
  tokenEditDistance,
} from './sequence-overlap';
export {
  continuationOverlap,
  normalizeNewlineSpaceTab,
  type ContinuationOverlap,
  type OverlapOptions,
} from './continuation-overlap';
export {
  codeTokens,
  CODE_LANGUAGES,
  type CodeLanguage,
  type CodeTokenOptions,
} from './code-tokens';
export { splitAtTokens, splitAtWords, type PrefixSplit, type BpeCodec } from './split-prefix';
