export {
  NORMALIZER_NAMES,
  type NormalizerName,
  type TextNormalizer,
  configuredNormalizer,
  normalizerByName,
} from './normalizer-registry';
export { whisperBasicNormalize } from './whisper-basic';
// whisper-english is not re-exported: its rules compile ~60 ms of regular expressions at load,
// so the registry requires it on first use (normalizerByName('english-v1')).
