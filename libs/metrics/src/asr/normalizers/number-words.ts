/**
 * The vocabulary of Whisper's EnglishNumberNormalizer (openai/whisper@c0d2f62,
 * whisper/normalizers/english.py, `__init__`), built by the same rules.
 */
const ONES_NAMES = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS_NAMES = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const MULTIPLIER_NAMES = [
  'hundred',
  'thousand',
  'million',
  'billion',
  'trillion',
  'quadrillion',
  'quintillion',
  'sextillion',
  'septillion',
  'octillion',
  'nonillion',
  'decillion',
];

export type Suffixed = readonly [value: number | bigint, suffix: 's' | 'th' | 'st' | 'nd' | 'rd'];

export const ZEROS: ReadonlySet<string> = new Set(['o', 'oh', 'zero']);
export const ONES: ReadonlyMap<string, number> = new Map(ONES_NAMES.map((n, i) => [n, i + 1]));

const ONES_PLURAL = ONES_NAMES.map((name, i): [string, Suffixed] => [
  name === 'six' ? 'sixes' : `${name}s`,
  [i + 1, 's'],
]);
const ONES_ORDINAL: [string, Suffixed][] = [
  ['zeroth', [0, 'th']],
  ['first', [1, 'st']],
  ['second', [2, 'nd']],
  ['third', [3, 'rd']],
  ['fifth', [5, 'th']],
  ['twelfth', [12, 'th']],
  ...ONES_NAMES.flatMap((name, i): [string, Suffixed][] => {
    const value = i + 1;
    if (value <= 3 || value === 5 || value === 12) return [];
    return [[name + (name.endsWith('t') ? 'h' : 'th'), [value, 'th']]];
  }),
];
export const ONES_SUFFIXED: ReadonlyMap<string, Suffixed> = new Map([
  ...ONES_PLURAL,
  ...ONES_ORDINAL,
]);

export const TENS: ReadonlyMap<string, number> = new Map(
  TENS_NAMES.map((n, i) => [n, 20 + 10 * i]),
);
// Python's str.replace("y", …) replaces every "y"; each tens name has exactly one.
export const TENS_SUFFIXED: ReadonlyMap<string, Suffixed> = new Map([
  ...TENS_NAMES.map((n, i): [string, Suffixed] => [n.replace('y', 'ies'), [20 + 10 * i, 's']]),
  ...TENS_NAMES.map((n, i): [string, Suffixed] => [n.replace('y', 'ieth'), [20 + 10 * i, 'th']]),
]);

export const MULTIPLIERS: ReadonlyMap<string, bigint> = new Map(
  MULTIPLIER_NAMES.map((n, i) => [n, i === 0 ? 100n : 1000n ** BigInt(i)]),
);
export const MULTIPLIERS_SUFFIXED: ReadonlyMap<string, Suffixed> = new Map([
  ...MULTIPLIER_NAMES.map((n): [string, Suffixed] => [`${n}s`, [MULTIPLIERS.get(n)!, 's']]),
  ...MULTIPLIER_NAMES.map((n): [string, Suffixed] => [`${n}th`, [MULTIPLIERS.get(n)!, 'th']]),
]);

export const DECIMALS: ReadonlySet<string> = new Set([...ONES.keys(), ...TENS.keys(), ...ZEROS]);

export const PRECEDING_PREFIXERS: ReadonlyMap<string, string> = new Map([
  ['minus', '-'],
  ['negative', '-'],
  ['plus', '+'],
  ['positive', '+'],
]);
export const FOLLOWING_PREFIXERS: ReadonlyMap<string, string> = new Map([
  ['pound', '£'],
  ['pounds', '£'],
  ['euro', '€'],
  ['euros', '€'],
  ['dollar', '$'],
  ['dollars', '$'],
  ['cent', '¢'],
  ['cents', '¢'],
]);
export const PREFIXES: ReadonlySet<string> = new Set([
  ...PRECEDING_PREFIXERS.values(),
  ...FOLLOWING_PREFIXERS.values(),
]);
/** "per cent" → "%" (a two-word suffixer) and "percent" → "%". */
export const SUFFIXERS: ReadonlyMap<string, string | ReadonlyMap<string, string>> = new Map<
  string,
  string | ReadonlyMap<string, string>
>([
  ['per', new Map([['cent', '%']])],
  ['percent', '%'],
]);
export const SPECIALS: ReadonlySet<string> = new Set(['and', 'double', 'triple', 'point']);

/** Every word the number normalizer treats specially. */
export const NUMBER_WORDS: ReadonlySet<string> = new Set([
  ...ZEROS,
  ...ONES.keys(),
  ...ONES_SUFFIXED.keys(),
  ...TENS.keys(),
  ...TENS_SUFFIXED.keys(),
  ...MULTIPLIERS.keys(),
  ...MULTIPLIERS_SUFFIXED.keys(),
  ...PRECEDING_PREFIXERS.keys(),
  ...FOLLOWING_PREFIXERS.keys(),
  ...SUFFIXERS.keys(),
  ...SPECIALS,
]);
