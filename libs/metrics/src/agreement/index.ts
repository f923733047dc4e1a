// Agreement between raters (people, judges): Cohen's κ, Krippendorff's α, judge vs people, judge drift.
export { cohensKappa, type KappaResult } from './cohen-kappa';
export {
  krippendorffAlpha,
  krippendorffAlphaInterval,
  type AlphaLevel,
  type AlphaResult,
  type ReliabilityUnit,
} from './krippendorff-alpha';
export {
  judgeHumanAgreement,
  majorityLabel,
  type JudgeHumanAgreement,
  type JudgedItem,
} from './judge-human';
export { judgeDriftTest, type JudgeDriftResult } from './judge-drift';
