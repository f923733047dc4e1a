import { processNumberWords } from './english-number-words';
import { DECIMALS, MULTIPLIERS } from './number-words';
import { B, S, pyRegex, pySplit, pyStrip } from './python-text';

/**
 * Whisper's EnglishNumberNormalizer (openai/whisper@c0d2f62, whisper/normalizers/english.py):
 * spelled-out numbers to digits ("one hundred and forty" → "140", "nineteen ninety nine" →
 * "1999", "thirty first" → "31st"), currencies after the number ("twenty dollars" → "$20",
 * "three cents" → "¢3"), percents, "point", "oh"/"double"/"triple" digit strings; "one" and
 * "ones" stay words.
 */
export function normalizeEnglishNumbers(text: string): string {
  const words = processNumberWords(pySplit(preprocess(text)));
  return postprocess(words.join(' '));
}

const AND_A_HALF = new RegExp(String.raw`${B}and${S}+a${S}+half${B}`, 'u');
const LETTER_DIGIT = pyRegex('([a-z])([0-9])');
const DIGIT_LETTER = pyRegex('([0-9])([a-z])');
const DIGIT_SUFFIX = pyRegex(String.raw`([0-9])${S}+(st|nd|rd|th|s)${B}`);

function preprocess(text: string): string {
  // "<number> and a half" → "<number> point five"
  const segments = text.split(AND_A_HALF);
  const results: string[] = [];
  segments.forEach((segment, i) => {
    if (pyStrip(segment).length === 0) return;
    results.push(segment);
    if (i === segments.length - 1) return;
    const words = pySplit(segment);
    const lastWord = words[words.length - 1];
    results.push(DECIMALS.has(lastWord) || MULTIPLIERS.has(lastWord) ? 'point five' : 'and a half');
  });
  let s = results.join(' ');
  // a space at number/letter boundaries, except before what could be a suffix
  s = s.replace(LETTER_DIGIT, '$1 $2');
  s = s.replace(DIGIT_LETTER, '$1 $2');
  return s.replace(DIGIT_SUFFIX, '$1$2');
}

const DOLLARS_AND_CENTS = pyRegex(String.raw`([€£$])([0-9]+) (?:and )?¢([0-9]{1,2})${B}`);
// Whisper's "." here is unescaped, so any character matches it: "$0,05" is "¢5" too.
const ZERO_POINT_CENTS = pyRegex(String.raw`[€£$]0.([0-9]{1,2})${B}`);
const ONE = pyRegex(String.raw`${B}1(s?)${B}`);

function postprocess(text: string): string {
  let s = text.replace(
    DOLLARS_AND_CENTS,
    (_, currency: string, integer: string, cents: string) =>
      `${currency}${integer}.${cents.padStart(2, '0')}`,
  );
  s = s.replace(ZERO_POINT_CENTS, (_, cents: string) => `¢${Number(cents)}`);
  // "one(s)" instead of "1(s)", for readability
  return s.replace(ONE, 'one$1');
}
