import { pySplit } from './python-text';

// Whisper's EnglishSpellingNormalizer mapping (vendored verbatim, MIT: see whisper/README.md),
// read on first use (1,739 entries: not worth loading for runs that never normalize English).
// A Map, so that words such as "constructor" never reach Object.prototype.
let spellings: ReadonlyMap<string, string> | undefined;
export function spellingMapping(): ReadonlyMap<string, string> {
  spellings ??= new Map(
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    Object.entries(require('./whisper/english.json') as Record<string, string>),
  );
  return spellings;
}

/** British → American spelling word by word; like Whisper, also collapses whitespace. */
export function normalizeEnglishSpelling(text: string): string {
  const mapping = spellingMapping();
  return pySplit(text)
    .map((word) => mapping.get(word) ?? word)
    .join(' ');
}
