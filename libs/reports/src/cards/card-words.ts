import { count, formatDifference, formatInterval, formatValue } from './card-numbers';
import type { CardFairness, CardMetric, MetricKindLabel } from './card-types';

const METHOD: Record<MetricKindLabel, string> = {
  proportion: "Wilson's score interval",
  ratio: 'a bootstrap over items, or over whole speakers when items carry one',
  mean: 'a bootstrap over items',
};

const DIRECTION = {
  higher_is_better: 'Higher is better.',
  lower_is_better: 'Lower is better.',
};

/** One metric and its interval in a sentence a customer can read. */
export function metricSentence(m: Omit<CardMetric, 'text'>): string {
  if (m.value === null) return `No value: none of the ${count(m.n, 'item')} could be scored.`;
  const v = (x: number) => formatValue(x, m.statKind);
  const what = m.statKind === 'mean' ? 'average' : 'rate';
  const interval =
    m.ciLow === null || m.ciHigh === null
      ? 'no interval could be computed'
      : `with 95% confidence the ${what} on more items like these lies between ${v(m.ciLow)} and ${v(m.ciHigh)} (${METHOD[m.statKind]})`;
  const direction = m.descriptive
    ? 'Descriptive: neither direction is better.'
    : DIRECTION[m.direction];
  return `${v(m.value)} on ${count(m.n, 'item')}; ${interval}. ${direction}`;
}

/** The gap and what its interval says, including the case of a gap of 0 with a wide interval. */
export function gapSentence(
  f: Omit<CardFairness, 'gapText' | 'verdictText'>,
  kind: MetricKindLabel,
) {
  const { gap } = f;
  if (gap.value === null || f.worst === null || f.best === null)
    return `Fewer than two values of ${f.attribute} have a value of ${f.metric}: no gap can be measured.`;
  const d = (x: number) => formatDifference(x, kind);
  const head =
    gap.value === 0
      ? `No gap in ${f.metric} across ${f.attribute}: its best and worst values are equal.`
      : `The largest gap in ${f.metric} across ${f.attribute} is ${formatDifference(gap.value, kind, false)}: ${f.attribute}=${f.worst} is worse than ${f.attribute}=${f.best}.`;
  if (gap.ciLow === null || gap.ciHigh === null) return `${head} No interval could be computed.`;
  const tells =
    gap.ciLow <= 0 && gap.ciHigh >= 0
      ? `it includes 0, so these ${count(gap.n, 'item')} cannot tell the groups apart; a true gap anywhere in that range fits the data`
      : 'it excludes 0, so the groups really differ on items like these';
  return `${head} The 95% interval of that difference (worst minus best) is ${formatInterval(gap.ciLow, gap.ciHigh, d)}: ${tells}. The interval treats the two groups as chosen in advance; picked as the extremes after the fact, the true gap is likely smaller.`;
}

/** A tolerance verdict in words: parity shown within ±x, inconclusive, or a disparity of y [a, b]. */
export function verdictSentence(
  f: Omit<CardFairness, 'gapText' | 'verdictText'>,
  kind: MetricKindLabel,
  itemsNeeded: number | null,
): string {
  const d = (x: number) => formatDifference(x, kind);
  const tolerance = f.tolerance === null ? '' : formatDifference(f.tolerance, kind, false);
  const interval = f.verdictInterval;
  const where = interval
    ? `the ${Math.round(interval.confidence * 100)}% interval of the difference between the worst and the best group, ${formatInterval(interval.low, interval.high, d)},`
    : 'the interval of the difference';
  const worse = `${f.attribute}=${f.worst} is worse than ${f.attribute}=${f.best}`;
  switch (f.verdict) {
    case 'not_enough_groups':
      return 'No verdict: fewer than two groups have data.';
    case 'no_tolerance':
      return 'No verdict: no parity tolerance is set for this plan (alertPolicy.fairnessTolerance), so only the gap and its interval are reported.';
    case 'parity_shown':
      return `Parity shown within ±${tolerance}: ${where} lies inside ±${tolerance}.`;
    case 'disparity_detected':
      return `Disparity of ${formatDifference(f.gap.value ?? 0, kind, false)} ${formatInterval(interval?.low, interval?.high, d)}: ${worse} by more than the ±${tolerance} tolerance (${where} lies beyond it).`;
    case 'inconclusive': {
      const needed =
        itemsNeeded === null
          ? ''
          : ` About ${count(itemsNeeded, 'item')} per group would show parity with 80% power if the rates are as observed.`;
      return `Inconclusive: ${where} is too wide to show either parity within ±${tolerance} or a gap beyond it.${needed}`;
    }
  }
}

/** The glossary every rendering ends with. */
export const READING_GUIDE = [
  'Every number comes from stored evaluation runs; nothing on this card but the intended-use section is written by hand.',
  'A 95% interval is the range of values consistent with the data: if the evaluation were repeated on new items like these, 95 of 100 such intervals would contain the true value. A wide interval means few items, not a bad model.',
  'Rates (shares of items, word error rates) are shown as percents; differences of rates in percentage points; averages (F1, scores) as plain numbers.',
  'A gap is the difference between the worst and the best group of one attribute. A gap of 0 with a wide interval does not show the groups are equal: only a parity verdict can, and only when the interval fits inside the tolerance.',
  'A parity verdict uses two one-sided tests (TOST): parity is shown when the 90% interval (at α 0.05) of the difference lies inside ±tolerance; a disparity when the difference is shown to exceed the tolerance; otherwise it is inconclusive.',
];
