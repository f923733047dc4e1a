// Bias-benchmark statistics (WinoBias, Winogender, BBQ): pure functions.
export {
  pearsonCorrelation,
  correlationWithInterval,
  type CorrelationPoint,
} from './pearson-correlation';
export { pairedProportionGap, type OutcomePair } from './paired-proportion-gap';
export {
  bbqBiasScore,
  bbqAmbiguousBiasScore,
  disambiguatedBiasValue,
  ambiguousBiasValue,
  type BbqAnswerKind,
  type BbqAnswerCounts,
} from './bbq-bias-score';
