export { parseSliceUpload, type SliceUpload } from './parse-slice-upload';
export type {
  ParsedSlice,
  SliceItem,
  SliceAudio,
  SliceModality,
  SlicePurpose,
  StorableItem,
  StorableSlice,
} from './parsed-slice';
export { DEFAULT_SLICE_LIMITS, resolveSliceLimits, type SliceLimits } from './slice-limits';
export { SliceValidationError, type SliceProblem } from './slice-problem';
export { readUploadStream } from './read-upload-stream';
export { sliceContentHash } from './content-hash';
export { parseWavHeader } from './audio/wav-header';
export { parseFlacHeader } from './audio/flac-header';
export type { AudioFormat, AudioHeaderResult } from './audio/audio-format';
export { AudioDecodeError, type DecodedAudio } from './audio/decoded-audio';
export { decodeAudio } from './audio/decode-audio';
export { decodeFlac } from './audio/decode-flac';
export { decodeWav } from './audio/decode-wav';
export { parseAudioFiles } from './parse-audio-files';
export type { ArchiveEntry } from './archive/archive-entry';
