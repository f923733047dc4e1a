import type { RatioItem } from './bootstrap-ratio';

/** Binomial(n, p) draw as a sum of Bernoulli trials (n is small here: words in an utterance). */
export function binomialDraw(rng: () => number, n: number, p: number): number {
  let successes = 0;
  for (let i = 0; i < n; i++) if (rng() < p) successes++;
  return successes;
}

export interface SimulatedCorpus {
  /** Reference words per utterance (10–40 by default). */
  words: number[];
  /** Per-utterance word error probability: utterances differ in difficulty. */
  rates: number[];
}

/** Utterances with 10–40 words and error rates spread uniformly over 0.5–1.5 × `meanRate`. */
export function simulateCorpus(
  rng: () => number,
  count: number,
  meanRate: number,
  words: { min: number; max: number } = { min: 10, max: 40 },
): SimulatedCorpus {
  const corpus: SimulatedCorpus = { words: [], rates: [] };
  for (let i = 0; i < count; i++) {
    corpus.words.push(words.min + Math.floor(rng() * (words.max - words.min + 1)));
    corpus.rates.push(meanRate * (0.5 + rng()));
  }
  return corpus;
}

/** One scored run over the corpus: errors drawn per utterance, rates shifted by `rateShift`. */
export function scoreRun(
  rng: () => number,
  corpus: SimulatedCorpus,
  rateShift = 0,
): Map<string, RatioItem> {
  const run = new Map<string, RatioItem>();
  corpus.words.forEach((den, i) => {
    run.set(`utt-${i}`, { num: binomialDraw(rng, den, corpus.rates[i] + rateShift), den });
  });
  return run;
}
