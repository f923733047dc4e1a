import { keyedEntries, rateEstimate, type RateEstimate } from './rate-estimate';

/** Confusion counts of a binary classifier ("positive" = accept / flag / select). */
export interface ConfusionCounts {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** One classified item with its group (e.g. accent, gender, age band). */
export interface ClassifiedItem {
  group: string;
  actual: boolean;
  predicted: boolean;
}

export type GroupRateName =
  'errorRate' | 'falsePositiveRate' | 'falseRejectionRate' | 'truePositiveRate' | 'selectionRate';

export type GroupRates = { group: string; n: number } & Record<GroupRateName, RateEstimate | null>;

/** Tallies classified items into confusion counts per group. */
export function confusionByGroup(items: readonly ClassifiedItem[]): Map<string, ConfusionCounts> {
  const byGroup = new Map<string, ConfusionCounts>();
  for (const { group, actual, predicted } of items) {
    const counts = byGroup.get(group) ?? { tp: 0, fp: 0, tn: 0, fn: 0 };
    if (actual && predicted) counts.tp++;
    else if (!actual && predicted) counts.fp++;
    else if (!actual && !predicted) counts.tn++;
    else counts.fn++;
    byGroup.set(group, counts);
  }
  return byGroup;
}

/** The numerator and denominator of each named rate. */
export function rateCounts(
  c: ConfusionCounts,
  rate: GroupRateName,
): { successes: number; n: number } {
  const n = c.tp + c.fp + c.tn + c.fn;
  switch (rate) {
    case 'errorRate':
      return { successes: c.fp + c.fn, n };
    case 'falsePositiveRate':
      return { successes: c.fp, n: c.fp + c.tn };
    case 'falseRejectionRate':
      return { successes: c.fn, n: c.fn + c.tp };
    case 'truePositiveRate':
      return { successes: c.tp, n: c.tp + c.fn };
    case 'selectionRate':
      return { successes: c.tp + c.fp, n };
  }
}

const RATE_NAMES: GroupRateName[] = [
  'errorRate',
  'falsePositiveRate',
  'falseRejectionRate',
  'truePositiveRate',
  'selectionRate',
];

/**
 * Per-group error rate, FPR = FP/(FP + TN), FRR = FN/(FN + TP), TPR and selection rate
 * (TP + FP)/n, each with a Wilson interval; a rate is null when its denominator is 0.
 */
export function groupRates(
  counts: ReadonlyMap<string, ConfusionCounts> | Readonly<Record<string, ConfusionCounts>>,
  confidence = 0.95,
): GroupRates[] {
  return keyedEntries(counts).map(([group, c]) => {
    const rates = Object.fromEntries(
      RATE_NAMES.map((name) => {
        const { successes, n } = rateCounts(c, name);
        return [name, rateEstimate(successes, n, confidence)];
      }),
    ) as Record<GroupRateName, RateEstimate | null>;
    return { group, n: c.tp + c.fp + c.tn + c.fn, ...rates };
  });
}
