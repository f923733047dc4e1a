// Green/red-list watermark detection (Kirchenbauer et al. 2023) and the attacks it should survive.
export { bpeEncoding, BPE_ENCODINGS, type BpeEncoding, type BpeEncodingName } from './bpe-encoding';
export { greenListKey, isGreen, type GreenListKey } from './green-list';
export { detectWatermark, type WatermarkDetection } from './watermark-detect';
export { perturbWords, WORD_PERTURBATIONS, type WordPerturbation } from './perturb-words';
