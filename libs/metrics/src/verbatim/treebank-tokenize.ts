/**
 * NLTK's TreebankWordTokenizer (nltk/tokenize/treebank.py, the regexes of nltk 3.x), which HELM's
 * copyright metrics count in. Ported rule for rule; JavaScript's \d and \b are ASCII-only where
 * Python's are Unicode-aware, so digits and word boundaries outside ASCII can split differently.
 */
const STARTING_QUOTES: readonly [RegExp, string][] = [
  [/^"/g, '``'],
  [/(``)/g, ' $1 '],
  [/([ ([{<])("|'{2})/g, '$1 `` '],
];

const PUNCTUATION: readonly [RegExp, string][] = [
  [/([:,])([^\d])/g, ' $1 $2'],
  [/([:,])$/g, ' $1 '],
  [/\.\.\./g, ' ... '],
  [/[;@#$%&]/g, ' $& '],
  // The final period (optionally followed by closing brackets or quotes).
  [/([^.])(\.)([\])}>"']*)\s*$/g, '$1 $2$3 '],
  [/[?!]/g, ' $& '],
  [/([^'])' /g, "$1 ' "],
];

const PARENS_BRACKETS: [RegExp, string] = [/[\][(){}<>]/g, ' $& '];
const DOUBLE_DASHES: [RegExp, string] = [/--/g, ' -- '];

const ENDING_QUOTES: readonly [RegExp, string][] = [
  [/''/g, " '' "],
  [/"/g, " '' "],
  [/([^' ])('[sS]|'[mM]|'[dD]|') /g, '$1 $2 '],
  [/([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) /g, '$1 $2 '],
];

// Robert MacIntyre's contractions, as NLTK lists them.
const CONTRACTIONS2: readonly RegExp[] = [
  /\b(can)(not)\b/gi,
  /\b(d)('ye)\b/gi,
  /\b(gim)(me)\b/gi,
  /\b(gon)(na)\b/gi,
  /\b(got)(ta)\b/gi,
  /\b(lem)(me)\b/gi,
  /\b(more)('n)\b/gi,
  /\b(wan)(na)(?=\s)/gi,
];
const CONTRACTIONS3: readonly RegExp[] = [/ ('t)(is)\b/gi, / ('t)(was)\b/gi];

/** Penn Treebank word tokens of `text` (NLTK TreebankWordTokenizer().tokenize). */
export function treebankTokenize(text: string): string[] {
  let out = text;
  const apply = ([pattern, replacement]: readonly [RegExp, string]) =>
    (out = out.replace(pattern, replacement));
  STARTING_QUOTES.forEach(apply);
  PUNCTUATION.forEach(apply);
  apply(PARENS_BRACKETS);
  apply(DOUBLE_DASHES);
  out = ` ${out} `;
  ENDING_QUOTES.forEach(apply);
  for (const pattern of CONTRACTIONS2) out = out.replace(pattern, ' $1 $2 ');
  for (const pattern of CONTRACTIONS3) out = out.replace(pattern, ' $1 $2 ');
  return out.split(/\s+/).filter((token) => token !== '');
}
