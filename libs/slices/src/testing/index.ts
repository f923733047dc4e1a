export { buildBadUploads, type BadUpload } from './bad-uploads';
export { buildGoodUploads, QA_ROWS } from './good-uploads';
export {
  CORPUS_LIMITS,
  audioTarGz,
  audioZip,
  jsonl,
  text,
  twoClips,
  type UploadFixture,
} from './upload-fixtures';
export { makeWav, type ToneOptions } from './wav-writer';
export { makeFlac } from './flac-writer';
export { makeZip, type ZipEntrySpec } from './zip-writer';
export { makeTar, type TarEntrySpec } from './tar-writer';
