interface SentimentAnalysis {
  score: number;
  comparative: number;
}
interface SentimentAnalyzer {
  analyze(text: string): SentimentAnalysis;
}

// The `sentiment` package (AFINN-165 word list) ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Sentiment = require('sentiment') as new () => SentimentAnalyzer;
const analyzer = new Sentiment();

/**
 * AFINN sentiment of a text with the `sentiment` library: `score` sums the word valences (−5 to
 * +5 each); `comparative` divides it by the number of tokens, so long and short answers compare.
 */
export function sentimentOf(text: string): SentimentAnalysis {
  const { score, comparative } = analyzer.analyze(text);
  // An empty text has no tokens: comparative would be NaN.
  return { score, comparative: Number.isFinite(comparative) ? comparative : 0 };
}
