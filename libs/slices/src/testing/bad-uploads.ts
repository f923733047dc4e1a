import { badArchiveUploads } from './bad-archive-uploads';
import { badAudioUploads } from './bad-audio-uploads';
import type { BadUpload } from './bad-upload';
import { badTextUploads } from './bad-text-uploads';

export type { BadUpload } from './bad-upload';

/**
 * The corpus of malformed uploads. Each one must be refused with a problem whose field and
 * reason match the expectations; those with `needsCorpusLimits` only under CORPUS_LIMITS.
 * The API's e2e test replays it to check that a refused upload leaves the database unchanged.
 */
export async function buildBadUploads(): Promise<BadUpload[]> {
  return [...badTextUploads(), ...(await badArchiveUploads()), ...badAudioUploads()];
}
