/**
 * Python `re` / `str` behaviour that Whisper's normalizers rely on, for JavaScript strings.
 * Python 3 patterns on str are Unicode-aware: `\b` and `\w` see every letter and number
 * (str.isalnum() or "_"), `\d` every decimal digit (category Nd) and `\s` / str.split() every
 * str.isspace() character. JavaScript's `\b`, `\w` and `\d` are ASCII-only and its `\s` differs
 * (it includes U+FEFF and lacks U+001C–U+001F and U+0085), so the classes are spelled out here.
 */
const WORD = String.raw`[\p{L}\p{N}_]`;

/** Python's `\b` for str patterns. */
export const B = String.raw`(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;

/** Python's `\s` (str.isspace()), as a character-class body. */
export const SPACE_CHARS = String.raw`\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000`;
export const S = `[${SPACE_CHARS}]`;

/** Python's `\d` for str patterns (any decimal digit, category Nd). */
export const D = String.raw`\p{Nd}`;

const SPACE_RUN = new RegExp(`${S}+`, 'u');
const DIGIT = /\p{Nd}/u;

/** Python's regex: every flag Whisper's patterns need is 'u' plus global replacement. */
export function pyRegex(source: string): RegExp {
  return new RegExp(source, 'gu');
}

/** str.split() without arguments: runs of whitespace separate, empty strings are dropped. */
export function pySplit(text: string): string[] {
  return text.split(SPACE_RUN).filter((word) => word !== '');
}

/** str.strip() without arguments. */
export function pyStrip(text: string): string {
  return text.replace(new RegExp(`^${S}+|${S}+$`, 'gu'), '');
}

/**
 * Value of a decimal digit of any script, as Python's int() reads it. Every Nd block is a run of
 * ten code points 0–9; runs that touch (mathematical digits) are multiples of ten long.
 */
export function digitValue(char: string): number {
  const code = char.codePointAt(0)!;
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  let start = code;
  while (DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (code - start) % 10;
}

/** A string of decimal digits (any script) as a bigint. */
export function digitsToBigInt(digits: string): bigint {
  let value = 0n;
  for (const char of digits) value = value * 10n + BigInt(digitValue(char));
  return value;
}
