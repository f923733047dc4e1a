import { type Transcript, TranscriptFormatError, splitLines } from './transcript';

/**
 * sclite "trn" transcripts: one utterance per line, `words words (utterance_id)`.
 * As sclite does (align.c `remove_id`), the id is the text between the last "(" and the last ")";
 * the line must end with that ")". Blank lines are skipped. sclite's special tokens
 * (alternations "{ a / b }", "(optional)" words with -D, "-" fragments with -F, "@" null word)
 * are not interpreted: they are plain words here.
 */
export function parseTrn(text: string): Transcript[] {
  const transcripts: Transcript[] = [];
  splitLines(text).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const open = line.lastIndexOf('(');
    if (!line.endsWith(')') || open < 0) {
      throw new TranscriptFormatError(
        `expected "words (utterance_id)", got "${clip(line)}"`,
        index + 1,
      );
    }
    const id = line.slice(open + 1, -1).trim();
    if (id === '') throw new TranscriptFormatError('empty utterance id "()"', index + 1);
    transcripts.push({ id, text: line.slice(0, open).trim() });
  });
  return transcripts;
}

export function formatTrn(transcripts: readonly Transcript[]): string {
  return transcripts
    .map(({ id, text }) => {
      if (/[()\s]/u.test(id) || id === '')
        throw new TranscriptFormatError(`utterance id "${id}" cannot be written to trn`);
      if (/[\r\n]/u.test(text)) throw new TranscriptFormatError(`text of "${id}" has a line break`);
      return text.trim() === '' ? `(${id})\n` : `${text.trim()} (${id})\n`;
    })
    .join('');
}

function clip(line: string): string {
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}
