// Label-free signals of speech recordings and recognizer behaviour: pure functions of samples.
export { type AcousticSignals, acousticSignals } from './acoustic-signals';
export { CLIP_LEVEL, DBFS_FLOOR, clippingRate, peakDbfs, rmsDbfs } from './level';
export {
  FRAME_SECONDS,
  type FrameLevels,
  SNR_MAX_DB,
  SNR_MIN_DB,
  type SpeechActivity,
  frameLevels,
  noiseFloorSnr,
  speechActivity,
} from './frame-levels';
export { type TonalPeak, type TonalPeakOptions, tonalPeaks } from './tonal-peaks';
export { type TranscriptBehaviour, transcriptBehaviour } from './transcript-behaviour';
export { WADA_MAX_DB, WADA_MIN_DB, wadaSnr, wadaStatistic } from './wada-snr';
export { type PowerSpectrum, welchFrameSize, welchSpectrum } from './welch-spectrum';
