import type * as Obscenity from 'obscenity';
import type { ToxicityScore, ToxicityScorer } from './toxicity-scorer';

/** Required when a lexicon scorer is made: obscenity's word list costs ~35 ms of start-up otherwise. */
function loadObscenity(): typeof Obscenity {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('obscenity') as typeof Obscenity;
}

/**
 * Offline scorer from obscenity's English profanity and slur list; its transformers undo
 * obfuscation such as "f4ck", "sh!t" or "fuuuuck". Toxicity is 1 when a listed term occurs, else
 * 0, and `attributes.lexicon_terms` counts the distinct terms found. Only explicit terms are seen:
 * see docs/metrics-toxicity.md for what a lexicon misses and wrongly flags.
 */
export class LexiconToxicityScorer implements ToxicityScorer {
  readonly id = 'lexicon:obscenity-english';
  readonly kind = 'lexicon' as const;
  private readonly obscenity = loadObscenity();
  private readonly matcher = new this.obscenity.RegExpMatcher({
    ...this.obscenity.englishDataset.build(),
    ...this.obscenity.englishRecommendedTransformers,
  });

  /** The distinct listed terms in `text`, in order of first occurrence. */
  terms(text: string): string[] {
    const dataset = this.obscenity.englishDataset;
    const words = this.matcher.getAllMatches(text, true).flatMap((match) => {
      const word = dataset.getPayloadWithPhraseMetadata(match).phraseMetadata?.originalWord;
      return word === undefined ? [] : [word];
    });
    return [...new Set(words)];
  }

  score(text: string): Promise<ToxicityScore> {
    const found = this.terms(text).length;
    return Promise.resolve({ toxicity: found > 0 ? 1 : 0, attributes: { lexicon_terms: found } });
  }
}
