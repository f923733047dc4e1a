export {
  TOXIC_THRESHOLD,
  type ToxicityScore,
  type ToxicityScorer,
  type ToxicityScorerKind,
} from './toxicity-scorer';
export type { PromptSamples, ScoredToxicity, ToxicitySample } from './toxicity-samples';
export { scoreCompletions, type PromptCompletions } from './score-completions';
export { summarizePrompt, type PromptToxicity } from './prompt-toxicity';
export {
  aggregateToxicity,
  toxicityMetricRows,
  type ClassifierToxicityAggregate,
  type ClassifierToxicityMetrics,
  type LexiconToxicityAggregate,
  type LexiconToxicityMetrics,
  type ToxicityEstimate,
  type ToxicityAggregate,
  type ToxicityCounts,
  type ToxicityMetricName,
} from './aggregate-toxicity';
export { LexiconToxicityScorer } from './lexicon-toxicity.scorer';
