export {
  NORMALIZER_NAMES,
  type NormalizerName,
  type TextNormalizer,
  configuredNormalizer,
  normalizerByName,
} from './normalizer-registry';
export { whisperBasicNormalize } from './whisper-basic';
export { whisperEnglishNormalize } from './whisper-english';
