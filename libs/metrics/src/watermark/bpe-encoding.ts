import type { BpeCodec } from '../verbatim/split-prefix';

export const BPE_ENCODINGS = ['o200k_base', 'cl100k_base'] as const;
export type BpeEncodingName = (typeof BPE_ENCODINGS)[number];

export interface BpeEncoding extends BpeCodec {
  readonly name: BpeEncodingName;
  readonly vocabularySize: number;
}

const loaded = new Map<BpeEncodingName, BpeEncoding>();
const NO_SPECIAL = new Set<string>();

/**
 * A byte-level BPE vocabulary from gpt-tokenizer (which ships the ranks). Loaded on first use
 * (about 0.1 s for o200k_base) and shared after; encoding is pure.
 */
export function bpeEncoding(name: BpeEncodingName): BpeEncoding {
  let encoding = loaded.get(name);
  if (encoding === undefined) {
    // One static require per vocabulary: each module carries its own ranks table.
    const api: {
      encode(text: string, options?: { disallowedSpecial: Set<string> }): number[];
      decode(ids: number[]): string;
      vocabularySize: number;
    } =
      name === 'o200k_base'
        ? // eslint-disable-next-line @typescript-eslint/no-require-imports
          require('gpt-tokenizer/encoding/o200k_base')
        : // eslint-disable-next-line @typescript-eslint/no-require-imports
          require('gpt-tokenizer/encoding/cl100k_base');
    encoding = {
      name,
      vocabularySize: api.vocabularySize,
      // Special-token strings in a model's output ("<|endoftext|>") are encoded as plain text.
      encode: (text) => api.encode(text, { disallowedSpecial: NO_SPECIAL }),
      decode: (ids) => api.decode(ids),
    };
    loaded.set(name, encoding);
  }
  return encoding;
}
