// Statistics for Lastmile metrics: intervals, drift tests, parity (equivalence) and CUSUM.
export { createRng, standardNormal } from './rng';
export type { Interval, BootstrapOptions } from './interval';
export { wilsonInterval } from './wilson';
export { bootstrapMeanInterval } from './bootstrap-mean';
export { bootstrapRatioInterval, type RatioItem } from './bootstrap-ratio';
export {
  pairedRatioDifferenceDraws,
  unpairedRatioDifferenceDraws,
  type PairedRatioItem,
} from './bootstrap-difference';
export {
  normalQuantile,
  normalCdf,
  normalUpperTail,
  studentTQuantile,
  studentTCdf,
  twoSidedZ,
  binomialCdf,
  binomialUpperTail,
  binomialPmf,
} from './distributions';
export { binomialTails, type BinomialTails } from './binomial-tails';
export { bootstrapChangeTest } from './bootstrap-test';
export {
  DELTA_METHOD_MIN_UNITS,
  deltaMethodChangeTest,
  linearizedRatioInterval,
} from './delta-method-test';
export { badSign, type MetricDirection } from './direction';
export { binomialTest } from './binomial-test';
export type { ItemStats } from './item-stats';
export { shouldPair } from './item-stats';
export { mcnemarExact } from './mcnemar';
export { comparePairedProportion, type PairedProportionCounts } from './paired-proportion';
export { compareTwoProportions, type ProportionCount } from './two-proportion';
export { newcombeInterval } from './newcombe';
export { fisherExactOneSided } from './fisher-exact';
export { compareItems, compareToBaseline, type ItemColumns } from './compare-to-baseline';
export type {
  CompareInput,
  CompareOptions,
  DriftComparison,
  DriftTestName,
} from './drift-comparison';
export { benjaminiHochbergQValues } from './benjamini-hochberg';
export {
  decideDrift,
  type DecideDriftOptions,
  type DriftDecision,
  type DriftVerdict,
} from './decide-drift';
export { betweenRunSd, effectiveStandardError, adjustForRunSpread } from './run-spread';
export {
  proportionParity,
  type ParityOptions,
  type ParityResult,
  type ParityVerdict,
} from './proportion-parity';
export {
  tostItemsPerGroup,
  tostMinimumItemsPerGroup,
  tostPower,
  tostToleranceSupported,
  type TostSampleSizeInput,
} from './tost-sample-size';
export {
  mdeFromStandardError,
  pairedMeanMde,
  unpairedMeanMde,
  proportionMde,
  pairedProportionMde,
  type PowerOptions,
} from './minimum-detectable-effect';
export { cusum, type CusumOptions, type CusumResult } from './cusum';
export {
  chooseCusumThreshold,
  simulateCusumArl,
  type CusumThresholdOptions,
} from './cusum-threshold';
export type { PairedColumns, PairedRecord } from './paired-units';
export {
  SMALL_SAMPLE_MIN_ITEMS,
  SMALL_SAMPLE_MIN_CLUSTERS,
  smallSampleStatus,
  type SmallSampleStatus,
  type SmallSampleTest,
  type SmallSampleTestName,
} from './small-sample';
export { pairedChangeTest, type PairedChangeOptions } from './paired-change-test';
export { expandedConfidence } from './quantile';
