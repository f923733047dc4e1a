import { type Transcript, TranscriptFormatError, splitLines } from './transcript';

/** JSON Lines transcripts: one `{"id": "...", "text": "..."}` object per line; blank lines skipped. */
export function parseTranscriptJsonl(text: string): Transcript[] {
  const transcripts: Transcript[] = [];
  splitLines(text).forEach((raw, index) => {
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new TranscriptFormatError(`not JSON: ${(error as Error).message}`, index + 1);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new TranscriptFormatError('expected an object {"id", "text"}', index + 1);
    }
    const { id, text: words } = value as Record<string, unknown>;
    if (typeof id !== 'string' || id === '')
      throw new TranscriptFormatError('"id" must be a non-empty string', index + 1);
    if (typeof words !== 'string')
      throw new TranscriptFormatError(`"text" of "${id}" must be a string`, index + 1);
    transcripts.push({ id, text: words });
  });
  return transcripts;
}

export function formatTranscriptJsonl(transcripts: readonly Transcript[]): string {
  return transcripts.map(({ id, text }) => `${JSON.stringify({ id, text })}\n`).join('');
}
