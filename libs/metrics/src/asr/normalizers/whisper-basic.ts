import { S, pyRegex } from './python-text';

/**
 * Whisper's BasicTextNormalizer (openai/whisper@c0d2f62, whisper/normalizers/basic.py), with its
 * defaults (remove_diacritics=False, split_letters=False), and the symbol removal the English
 * normalizer shares with it.
 */

// Non-ASCII letters that NFKD does not decompose (basic.py ADDITIONAL_DIACRITICS).
const ADDITIONAL_DIACRITICS: Readonly<Record<string, string>> = {
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'AE',
  ß: 'ss',
  ẞ: 'SS',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'th',
  ł: 'l',
  Ł: 'L',
};

const MARK_SYMBOL_PUNCTUATION = /[\p{M}\p{S}\p{P}]/gu;
const MARK_SYMBOL_PUNCTUATION_OR_LETTER = /[\p{M}\p{S}\p{P}œŒøØæÆßẞđĐðÐþÞłŁ]/gu;
const NONSPACING_MARK = /^\p{Mn}$/u;
export const BRACKETED = pyRegex(String.raw`[<\[][^>\]]*[>\]]`);
export const PARENTHESIZED = pyRegex(String.raw`\(([^)]+?)\)`);
const SPACE_RUN = pyRegex(`${S}+`);

/**
 * NFKD, then every mark, symbol and punctuation character becomes a space, except nonspacing
 * marks (accents: dropped), the letters above (spelled out) and the characters in `keep`.
 */
export function removeSymbolsAndDiacritics(text: string, keep = ''): string {
  return text.normalize('NFKD').replace(MARK_SYMBOL_PUNCTUATION_OR_LETTER, (char) => {
    if (keep.includes(char)) return char;
    const spelled = ADDITIONAL_DIACRITICS[char];
    if (spelled !== undefined) return spelled;
    return NONSPACING_MARK.test(char) ? '' : ' ';
  });
}

/** NFKC, then every mark, symbol and punctuation character becomes a space (accents are kept). */
export function removeSymbols(text: string): string {
  return text.normalize('NFKC').replace(MARK_SYMBOL_PUNCTUATION, ' ');
}

/**
 * Lower-case; delete `[…]`/`<…>` and `(…)` spans; symbols and punctuation to spaces; one space
 * between words. Like Whisper it does not trim, so a text ending in punctuation ends in a space.
 */
export function whisperBasicNormalize(text: string): string {
  let s = text.toLowerCase();
  s = s.replace(BRACKETED, '');
  s = s.replace(PARENTHESIZED, '');
  s = removeSymbols(s).toLowerCase();
  return s.replace(SPACE_RUN, ' ');
}
