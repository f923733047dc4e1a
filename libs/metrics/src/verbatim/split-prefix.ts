/** A protected text cut into the prompt's prefix and the true continuation the model should not reproduce. */
export interface PrefixSplit {
  prefix: string;
  continuation: string;
  /** Units actually in the prefix (fewer than asked when the text is short). */
  prefixUnits: number;
}

/** Encoder of a BPE vocabulary (gpt-tokenizer's encode/decode). */
export interface BpeCodec {
  encode(text: string): number[];
  decode(tokens: number[]): string;
}

/**
 * The first `words` whitespace-separated words and the rest, split at the end of the last prefix
 * word so that the continuation keeps its leading whitespace and nothing is lost or repeated.
 * Texts of `words` words or fewer leave no continuation: callers treat that as unusable.
 */
export function splitAtWords(text: string, words: number): PrefixSplit {
  const pattern = /\S+/g;
  let end = 0;
  let count = 0;
  for (let match = pattern.exec(text); match && count < words; match = pattern.exec(text)) {
    end = match.index + match[0].length;
    count += 1;
  }
  return { prefix: text.slice(0, end), continuation: text.slice(end), prefixUnits: count };
}

/**
 * The first `tokens` BPE tokens and the rest. Byte-level BPE decodes a prefix of the token ids to
 * a prefix of the text, unless the cut falls inside a multi-byte character; then the cut moves
 * back a token until it does not.
 */
export function splitAtTokens(text: string, tokens: number, codec: BpeCodec): PrefixSplit {
  const ids = codec.encode(text);
  for (let n = Math.min(tokens, ids.length); n > 0; n--) {
    const prefix = codec.decode(ids.slice(0, n));
    if (text.startsWith(prefix) && !prefix.endsWith('\uFFFD')) {
      return { prefix, continuation: text.slice(prefix.length), prefixUnits: n };
    }
  }
  return { prefix: '', continuation: text, prefixUnits: 0 };
}
