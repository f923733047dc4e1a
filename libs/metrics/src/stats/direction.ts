/** Whether a larger metric value is an improvement (accuracy) or a regression (WER). */
export type MetricDirection = 'higher_is_better' | 'lower_is_better';

/** +1 when an increase is bad, −1 when a decrease is bad: badChange = badSign · (current − baseline). */
export function badSign(direction: MetricDirection): 1 | -1 {
  return direction === 'lower_is_better' ? 1 : -1;
}
