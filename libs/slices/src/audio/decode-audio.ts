import { decodeFlac } from './decode-flac';
import { decodeWav } from './decode-wav';
import { AudioDecodeError, type DecodedAudio } from './decoded-audio';

/** Decodes WAV or FLAC bytes, chosen by their magic bytes (as the upload check does). */
export function decodeAudio(data: Buffer): DecodedAudio {
  const magic = data.toString('latin1', 0, 4);
  if (magic === 'RIFF') return decodeWav(data);
  if (magic === 'fLaC') return decodeFlac(data);
  throw new AudioDecodeError('is neither WAV (RIFF) nor FLAC (fLaC)');
}
