import {
  DECIMALS,
  FOLLOWING_PREFIXERS,
  MULTIPLIERS,
  MULTIPLIERS_SUFFIXED,
  NUMBER_WORDS,
  ONES,
  ONES_SUFFIXED,
  PRECEDING_PREFIXERS,
  PREFIXES,
  SPECIALS,
  SUFFIXERS,
  TENS,
  TENS_SUFFIXED,
  ZEROS,
} from './number-words';
import { times, toFraction } from './python-fraction';

/**
 * EnglishNumberNormalizer.process_words (openai/whisper@c0d2f62, whisper/normalizers/english.py)
 * step for step: a left-to-right machine over (previous, current, next) words that accumulates a
 * number in `value` — an int while it is arithmetic ("forty three thousand" = 43000), a string
 * once digits are concatenated ("nine one one" = "911", decimals "3.14") — and emits it when a
 * non-number word arrives. Python ints are unbounded (decillions), hence bigint.
 */
type Value = bigint | string | null;

const NUMERIC = /^\p{Nd}+(\.\p{Nd}+)?$/u;

class NumberMachine {
  prefix: string | null = null;
  value: Value = null;
  readonly out: string[] = [];

  emit(result: bigint | string): void {
    let text = String(result);
    if (this.prefix !== null) text = this.prefix + text;
    this.value = null;
    this.prefix = null;
    this.out.push(text);
  }

  /** Python's `str(value or "")`. */
  valueOrEmpty(): string {
    return this.value === null || this.value === 0n || this.value === '' ? '' : String(this.value);
  }
}

export function processNumberWords(words: readonly string[]): string[] {
  const m = new NumberMachine();
  let skip = false;
  for (let i = 0; i < words.length; i++) {
    if (skip) {
      skip = false;
      continue;
    }
    const prev = i > 0 ? words[i - 1] : null;
    const current = words[i];
    const next = i + 1 < words.length ? words[i + 1] : null;
    skip = step(m, prev, current, next);
  }
  if (m.value !== null) m.emit(m.value);
  return m.out;
}

/** One word; returns true when the next word was consumed too. */
function step(
  m: NumberMachine,
  prev: string | null,
  current: string,
  next: string | null,
): boolean {
  const nextIsNumeric = next !== null && NUMERIC.test(next);
  const first = String.fromCodePoint(current.codePointAt(0)!);
  const hasPrefix = PREFIXES.has(first);
  const withoutPrefix = hasPrefix ? current.slice(first.length) : current;
  const prevInOnes = prev !== null && ONES.has(prev);
  const prevInTens = prev !== null && TENS.has(prev);
  if (NUMERIC.test(withoutPrefix)) {
    const f = toFraction(withoutPrefix)!;
    if (m.value !== null) {
      if (typeof m.value === 'string' && m.value.endsWith('.')) {
        m.value = m.value + current; // decimals and IP-address parts
        return false;
      }
      m.emit(m.value);
    }
    m.prefix = hasPrefix ? first : m.prefix;
    m.value = f.den === 1n ? f.num : withoutPrefix;
  } else if (!NUMBER_WORDS.has(current)) {
    if (m.value !== null) m.emit(m.value);
    m.emit(current);
  } else if (ZEROS.has(current)) {
    m.value = m.valueOrEmpty() + '0';
  } else if (ONES.has(current)) {
    m.value = addOnes(m.value, BigInt(ONES.get(current)!), prevInOnes, prevInTens);
  } else if (ONES_SUFFIXED.has(current)) {
    const [ones, suffix] = ONES_SUFFIXED.get(current)!;
    const value =
      m.value === null ? BigInt(ones) : addOnes(m.value, BigInt(ones), prevInOnes, prevInTens);
    m.emit(String(value) + suffix);
    m.value = null;
  } else if (TENS.has(current)) {
    m.value = addTens(m.value, BigInt(TENS.get(current)!));
  } else if (TENS_SUFFIXED.has(current)) {
    const [tens, suffix] = TENS_SUFFIXED.get(current)!;
    m.emit(String(addTens(m.value, BigInt(tens))) + suffix);
  } else if (MULTIPLIERS.has(current)) {
    multiply(m, MULTIPLIERS.get(current)!);
  } else if (MULTIPLIERS_SUFFIXED.has(current)) {
    multiplySuffixed(m, current);
  } else if (PRECEDING_PREFIXERS.has(current)) {
    // a sign (minus, plus…) applies only when a number follows
    if (m.value !== null) m.emit(m.value);
    if ((next !== null && NUMBER_WORDS.has(next)) || nextIsNumeric) {
      m.prefix = PRECEDING_PREFIXERS.get(current)!;
    } else m.emit(current);
  } else if (FOLLOWING_PREFIXERS.has(current)) {
    // a currency (dollars, cents…) applies only after a number
    if (m.value !== null) {
      m.prefix = FOLLOWING_PREFIXERS.get(current)!;
      m.emit(m.value);
    } else m.emit(current);
  } else if (SUFFIXERS.has(current)) {
    return suffix(m, current, next);
  } else if (SPECIALS.has(current)) {
    return special(m, prev, current, next, nextIsNumeric);
  } else {
    throw new Error(`Unexpected token: ${current}`);
  }
  return false;
}

/** ones 1–19 after the current value, as the `current in self.ones` branch. */
function addOnes(
  value: Value,
  ones: bigint,
  prevInOnes: boolean,
  prevInTens: boolean,
): bigint | string {
  if (value === null) return ones;
  if (typeof value === 'string' || prevInOnes) {
    if (prevInTens && ones < 10n) {
      const text = String(value);
      if (!text.endsWith('0')) throw new Error('AssertionError'); // Whisper asserts it
      return text.slice(0, -1) + String(ones);
    }
    return String(value) + String(ones);
  }
  if (ones < 10n) return value % 10n === 0n ? value + ones : String(value) + String(ones);
  return value % 100n === 0n ? value + ones : String(value) + String(ones);
}

function addTens(value: Value, tens: bigint): bigint | string {
  if (value === null) return tens;
  if (typeof value === 'string') return value + String(tens);
  return value % 100n === 0n ? value + tens : String(value) + String(tens);
}

function multiply(m: NumberMachine, multiplier: bigint): void {
  const value = m.value;
  if (value === null) m.value = multiplier;
  else if (typeof value === 'string' || value === 0n) {
    const f = toFraction(value);
    const p = f === null ? null : times(f, multiplier);
    if (p !== null && p.den === 1n) m.value = p.num;
    else {
      m.emit(value);
      m.value = multiplier;
    }
  } else {
    m.value = (value / 1000n) * 1000n + (value % 1000n) * multiplier;
  }
}

function multiplySuffixed(m: NumberMachine, current: string): void {
  const [multiplierValue, suffix] = MULTIPLIERS_SUFFIXED.get(current)!;
  const multiplier = BigInt(multiplierValue);
  const value = m.value;
  if (value === null) m.emit(String(multiplier) + suffix);
  else if (typeof value === 'string') {
    const f = toFraction(value);
    const p = f === null ? null : times(f, multiplier);
    if (p !== null && p.den === 1n) m.emit(String(p.num) + suffix);
    else {
      m.emit(value);
      m.emit(String(multiplier) + suffix);
    }
  } else {
    m.value = (value / 1000n) * 1000n + (value % 1000n) * multiplier;
    m.emit(String(m.value) + suffix);
  }
  m.value = null;
}

function suffix(m: NumberMachine, current: string, next: string | null): boolean {
  if (m.value === null) {
    m.emit(current);
    return false;
  }
  const symbol = SUFFIXERS.get(current)!;
  if (typeof symbol === 'string') {
    m.emit(String(m.value) + symbol);
    return false;
  }
  if (next !== null && symbol.has(next)) {
    m.emit(String(m.value) + symbol.get(next)!);
    return true;
  }
  m.emit(m.value);
  m.emit(current);
  return false;
}

function special(
  m: NumberMachine,
  prev: string | null,
  current: string,
  next: string | null,
  nextIsNumeric: boolean,
): boolean {
  if (!(next !== null && NUMBER_WORDS.has(next)) && !nextIsNumeric) {
    // special handling only when the next word can be part of a number
    if (m.value !== null) m.emit(m.value);
    m.emit(current);
  } else if (current === 'and') {
    // "and" after hundreds, thousands… is dropped: "one hundred and forty" = 140
    if (!(prev !== null && MULTIPLIERS.has(prev))) {
      if (m.value !== null) m.emit(m.value);
      m.emit(current);
    }
  } else if (current === 'double' || current === 'triple') {
    if (next !== null && (ONES.has(next) || ZEROS.has(next))) {
      const digit = String(ONES.get(next) ?? 0);
      m.value = m.valueOrEmpty() + digit.repeat(current === 'double' ? 2 : 3);
      return true;
    }
    if (m.value !== null) m.emit(m.value);
    m.emit(current);
  } else if (current === 'point') {
    if ((next !== null && DECIMALS.has(next)) || nextIsNumeric) m.value = m.valueOrEmpty() + '.';
  }
  return false;
}
