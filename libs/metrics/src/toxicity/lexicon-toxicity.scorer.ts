import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import type { ToxicityScore, ToxicityScorer } from './toxicity-scorer';

/**
 * Offline scorer from obscenity's English profanity and slur list; its transformers undo
 * obfuscation such as "f4ck", "sh!t" or "fuuuuck". Toxicity is 1 when a listed term occurs, else
 * 0, and `attributes.lexicon_terms` counts the distinct terms found. Only explicit terms are seen:
 * see docs/metrics-toxicity.md for what a lexicon misses and wrongly flags.
 */
export class LexiconToxicityScorer implements ToxicityScorer {
  readonly id = 'lexicon:obscenity-english';
  readonly kind = 'lexicon' as const;
  private readonly matcher = new RegExpMatcher({
    ...englishDataset.build(),
    ...englishRecommendedTransformers,
  });

  /** The distinct listed terms in `text`, in order of first occurrence. */
  terms(text: string): string[] {
    const words = this.matcher.getAllMatches(text, true).flatMap((match) => {
      const word = englishDataset.getPayloadWithPhraseMetadata(match).phraseMetadata?.originalWord;
      return word === undefined ? [] : [word];
    });
    return [...new Set(words)];
  }

  score(text: string): Promise<ToxicityScore> {
    const found = this.terms(text).length;
    return Promise.resolve({ toxicity: found > 0 ? 1 : 0, attributes: { lexicon_terms: found } });
  }
}
