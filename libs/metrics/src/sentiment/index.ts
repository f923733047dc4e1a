// Lexicon sentiment (VADER) for open-generation probes: pure functions.
export {
  vaderScores,
  sentimentClass,
  BOLD_SENTIMENT_THRESHOLD,
  type VaderScores,
  type SentimentClass,
} from './vader';
