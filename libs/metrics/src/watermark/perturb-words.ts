import { createRng } from '../stats/rng';

export type WordPerturbation = 'delete' | 'insert' | 'swap';

export const WORD_PERTURBATIONS: readonly WordPerturbation[] = ['delete', 'insert', 'swap'];

/**
 * A seeded word-level attack on a watermarked text, the simple edits of Kirchenbauer et al. §7:
 * 'delete' drops each word with probability `rate`; 'insert' puts, after each word with
 * probability `rate`, a copy of a word drawn from the text; 'swap' exchanges each adjacent pair
 * with probability `rate` (a swapped word is not swapped again). Words are re-joined with single
 * spaces, so the text's own line breaks are lost as well.
 */
export function perturbWords(
  text: string,
  kind: WordPerturbation,
  rate: number,
  seed: number,
): string {
  if (!(rate >= 0 && rate <= 1)) throw new RangeError(`rate must be in [0, 1], got ${rate}`);
  const words = text.split(/\s+/).filter((w) => w !== '');
  const rng = createRng(seed);
  if (kind === 'delete') return words.filter(() => rng() >= rate).join(' ');
  if (kind === 'insert') {
    const out: string[] = [];
    for (const word of words) {
      out.push(word);
      if (rng() < rate) out.push(words[Math.floor(rng() * words.length)]);
    }
    return out.join(' ');
  }
  const out = [...words];
  for (let i = 0; i + 1 < out.length; i++) {
    if (rng() < rate) {
      [out[i], out[i + 1]] = [out[i + 1], out[i]];
      i++;
    }
  }
  return out.join(' ');
}
