import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { TranscriptPair } from './error-rate';

export interface SyntheticTranscriptOptions {
  seed: number;
  count: number;
  minWords?: number;
  maxWords?: number;
  /** Distinct words; a small vocabulary makes repeated words and alignment ties common. */
  vocabularySize?: number;
  /** Per reference word probability of each edit, in percent. */
  substitutePercent?: number;
  deletePercent?: number;
  insertPercent?: number;
  /** Percent of utterances whose reference (or hypothesis) is empty. */
  emptyPercent?: number;
  /** Mix in accented and CJK words. */
  unicode?: boolean;
}

const SYLLABLES = [
  'ka',
  'to',
  'ri',
  'ne',
  'mu',
  'sa',
  'lo',
  'pe',
  'di',
  'vo',
  'an',
  'er',
  'is',
  'ur',
  'ba',
];
const UNICODE_WORDS = [
  'café',
  'über',
  'naïve',
  'straße',
  '東京',
  '日本語',
  'ñandú',
  'çà',
  'øre',
  'καλά',
];

/**
 * Seeded reference/hypothesis pairs with random substitutions, deletions and insertions, for
 * comparisons with sclite and for benchmarks. Texts are already normalized (lowercase, no
 * punctuation) so every normalizer and sclite see the same words. Ids are "spkN-uttM" (sclite -i spu_id).
 */
export function generateTranscriptPairs(options: SyntheticTranscriptOptions): TranscriptPair[] {
  const rng = xoroshiro128plus(options.seed);
  const int = (min: number, max: number) => uniformInt(rng, min, max);
  const percent = (p: number | undefined) => p !== undefined && int(0, 99) < p;
  const vocabulary = buildVocabulary(options.vocabularySize ?? 60, int);
  if (options.unicode) vocabulary.push(...UNICODE_WORDS);
  const word = () => vocabulary[int(0, vocabulary.length - 1)];
  const pairs: TranscriptPair[] = [];
  for (let i = 0; i < options.count; i++) {
    const length = int(options.minWords ?? 10, options.maxWords ?? 40);
    const reference = percent(options.emptyPercent) ? [] : Array.from({ length }, word);
    const hypothesis: string[] = [];
    for (const w of reference) {
      if (!percent(options.deletePercent))
        hypothesis.push(percent(options.substitutePercent) ? word() : w);
      if (percent(options.insertPercent)) hypothesis.push(word());
    }
    if (reference.length === 0) hypothesis.push(...Array.from({ length: int(0, 3) }, word));
    if (percent(options.emptyPercent)) hypothesis.length = 0;
    pairs.push({
      id: `spk${i % 7}-utt${String(i).padStart(6, '0')}`,
      reference: reference.join(' '),
      hypothesis: hypothesis.join(' '),
    });
  }
  return pairs;
}

function buildVocabulary(size: number, int: (min: number, max: number) => number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const syllables = int(1, 3);
    let w = '';
    for (let s = 0; s < syllables; s++) w += SYLLABLES[int(0, SYLLABLES.length - 1)];
    words.add(w);
  }
  return [...words];
}
