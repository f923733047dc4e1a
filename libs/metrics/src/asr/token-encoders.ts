/**
 * Turn normalized text into integer token ids in a reusable Int32Array, so alignment compares
 * numbers rather than strings. Word ids come from a per-corpus dictionary; character ids are the
 * Unicode code points themselves.
 */
export interface TokenEncoder {
  readonly unit: 'word' | 'char';
  /** Writes the ids of `normalized` into the buffer (growing it) and returns how many. */
  encode(normalized: string, into: TokenBuffer): number;
  /** The tokens as strings, in the same order (for alignments shown to people). */
  split(normalized: string): string[];
}

export class TokenBuffer {
  data = new Int32Array(256);

  reserve(size: number): Int32Array {
    if (size > this.data.length) this.data = new Int32Array(Math.max(size, this.data.length * 2));
    return this.data;
  }
}

const WHITESPACE_RUN = /\s+/u;
const UNTIDY_WHITESPACE = /[^\S ]| {2}|^ | $/u;

export class WordEncoder implements TokenEncoder {
  readonly unit = 'word';
  private readonly ids = new Map<string, number>();

  encode(normalized: string, into: TokenBuffer): number {
    const words = this.split(normalized);
    const data = into.reserve(words.length);
    for (let i = 0; i < words.length; i++) {
      let id = this.ids.get(words[i]);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(words[i], id);
      }
      data[i] = id;
    }
    return words.length;
  }

  split(normalized: string): string[] {
    if (normalized.length === 0) return [];
    // Collapsed text (the default normalizer's output) splits faster on a plain space.
    if (!UNTIDY_WHITESPACE.test(normalized)) return normalized.split(' ');
    return normalized.split(WHITESPACE_RUN).filter((word) => word !== '');
  }
}

/**
 * Characters are Unicode code points (as sclite -e utf-8 splits them). Like sclite -c, whitespace
 * is not a character to recognise unless countSpaces is set (then each whitespace code point of
 * the normalized text counts, i.e. one space between words after whitespace collapsing).
 */
export class CharEncoder implements TokenEncoder {
  readonly unit = 'char';

  constructor(private readonly countSpaces = false) {}

  encode(normalized: string, into: TokenBuffer): number {
    const data = into.reserve(normalized.length);
    let count = 0;
    for (let i = 0; i < normalized.length; i++) {
      const codePoint = normalized.codePointAt(i)!;
      if (codePoint > 0xffff) i++;
      if (this.countSpaces || !isWhitespace(codePoint)) data[count++] = codePoint;
    }
    return count;
  }

  split(normalized: string): string[] {
    const chars = Array.from(normalized);
    return this.countSpaces ? chars : chars.filter((c) => !isWhitespace(c.codePointAt(0)!));
  }
}

/** The code points JavaScript's \s matches. */
export function isWhitespace(cp: number): boolean {
  if (cp <= 0x20) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d);
  if (cp < 0xa0) return false;
  return (
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000 ||
    cp === 0xfeff
  );
}
