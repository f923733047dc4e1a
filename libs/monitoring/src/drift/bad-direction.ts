import type { MetricDirection } from '@lastmile/scenarios';

/** +1 when an increase is bad (WER), −1 when a decrease is (accuracy). */
export const badSign = (direction: MetricDirection): 1 | -1 =>
  direction === 'lower_is_better' ? 1 : -1;
