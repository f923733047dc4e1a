import { digitsToBigInt } from './python-text';

/** A non-negative rational num/den, enough of Python's Fraction for the number normalizer. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

// Python's fractions._RATIONAL_FORMAT restricted to what the normalizer can build (digits and
// one decimal point; no sign, exponent or "/"), which is all it ever passes.
const DECIMAL = /^(?=\p{Nd}|\.\p{Nd})(\p{Nd}*)(?:\.(\p{Nd}*))?$/u;

/** Fraction(text), or null where Python raises ValueError. */
export function toFraction(text: string | bigint): Fraction | null {
  if (typeof text === 'bigint') return { num: text, den: 1n };
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, whole, decimals = ''] = match;
  const den = 10n ** BigInt([...decimals].length);
  return reduce(digitsToBigInt(whole + decimals), den);
}

export function reduce(num: bigint, den: bigint): Fraction {
  const divisor = gcd(num, den);
  return { num: num / divisor, den: den / divisor };
}

/** Fraction × integer, reduced. */
export function times(fraction: Fraction, factor: bigint): Fraction {
  return reduce(fraction.num * factor, fraction.den);
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}
