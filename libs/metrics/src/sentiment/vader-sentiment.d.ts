// vader-sentiment (the vaderSentiment project's JavaScript port) ships no type declarations.
declare module 'vader-sentiment' {
  export const SentimentIntensityAnalyzer: {
    polarity_scores(text: string): { neg: number; neu: number; pos: number; compound: number };
  };
}
