import britishToAmerican from './whisper/english.json';
import { pySplit } from './python-text';

// Whisper's EnglishSpellingNormalizer mapping (vendored verbatim, MIT: see whisper/README.md).
// A Map, so that words such as "constructor" never reach Object.prototype.
const SPELLINGS: ReadonlyMap<string, string> = new Map(Object.entries(britishToAmerican));

/** British → American spelling word by word; like Whisper, also collapses whitespace. */
export function normalizeEnglishSpelling(text: string): string {
  return pySplit(text)
    .map((word) => SPELLINGS.get(word) ?? word)
    .join(' ');
}

export const SPELLING_MAPPING_SIZE = SPELLINGS.size;
