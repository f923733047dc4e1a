/** One utterance's text, identified by its utterance id. */
export interface Transcript {
  id: string;
  text: string;
}

/** A transcript file that cannot be read as its format; names the 1-based line. */
export class TranscriptFormatError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'TranscriptFormatError';
  }
}

export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}
