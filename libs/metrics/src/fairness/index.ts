// Group fairness metrics for classifiers and generation probes (pure functions).
export { rateEstimate, type RateEstimate } from './rate-estimate';
export {
  confusionByGroup,
  groupRates,
  rateCounts,
  type ClassifiedItem,
  type ConfusionCounts,
  type GroupRateName,
  type GroupRates,
} from './group-rates';
export { rateGap, equalizedOddsGap, demographicParityGap, type GroupGap } from './group-gaps';
export { groupParity, type GroupParityOptions, type GroupPairParity } from './group-parity';
export { counterfactualGap, type CounterfactualPair } from './counterfactual-gap';
export { sliceGap, type SliceGap, type SliceValue } from './slice-gap';
export {
  pronounProbe,
  pronounStats,
  type PronounProbeCounts,
  type PronounStats,
} from './pronoun-probe';
export {
  pronounSkew,
  type PronounSkewOptions,
  type PronounSkewSummary,
  type TargetSkew,
} from './pronoun-skew';
export { unbiasedSquaredSkew, type GenderedCounts } from './squared-skew';
export {
  counterfactualDifference,
  type CounterfactualAnalysis,
  type CounterfactualSamples,
} from './counterfactual-difference';
export { studentizedMeanInterval } from './studentized-mean';
