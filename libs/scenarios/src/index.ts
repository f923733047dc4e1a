export * from './scenario-kind';
export * from './registry';
export * from './judges';
export type { Breakdown } from './support/subgroups';
export { paraphraserId } from './kinds/watermark/watermark.kind';
export { CALIBRATION_SET } from './data/judge-calibration/calibration-set';
export { OPEN_QUESTIONS } from './data/open-answer/open-questions';
export { judgeCalibrationSettings } from './kinds/judge-calibration/judge-calibration.config';
import './kinds';
// The speech slice generator shells out to espeak-ng and sox: I/O, kept apart from the pure kinds.
export {
  generateSpeechSlice,
  type GenerateSpeechSliceOptions,
  type SpeechSlice,
} from './data/speech/generate-speech-slice';
export { CLINICAL_PHRASES, SPEECH_VOICES } from './data/speech/speech-phrases';
export { programAvailable, speechToolsAvailable } from './data/speech/speech-tools';
// For the runner and the API: a plan's `sample` of a kind's built-in data, and its checks.
export {
  SampleAttributeError,
  sampleAttributeError,
  sampleKey,
  sampleSchema,
  stratifiedSample,
  type SampleSpec,
} from './support/stratified-sample';
export { builtinItemsFor, builtinSampleProblem, fullBuiltinItems } from './support/builtin-sample';
// For fixtures and the demo: the bibliography behind the built-in citation prompts.
export { loadBibliography } from './kinds/hallucinated-citations/bibliography';
// Bias bounties and watched subgroups: subset predicates, the subset test, watched-subgroup metrics.
export * from './support/subsets';
