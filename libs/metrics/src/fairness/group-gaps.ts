import type { GroupRateName, GroupRates } from './group-rates';

/** The range of a rate across groups, with the groups at either end. */
export interface GroupGap {
  gap: number;
  highest: { group: string; value: number };
  lowest: { group: string; value: number };
}

/** Largest minus smallest value of one rate across the groups where it is defined. */
export function rateGap(rates: readonly GroupRates[], rate: GroupRateName): GroupGap | null {
  const defined = rates.flatMap((r) => {
    const estimate = r[rate];
    return estimate === null ? [] : [{ group: r.group, value: estimate.value }];
  });
  if (defined.length === 0) return null;
  const highest = defined.reduce((a, b) => (b.value > a.value ? b : a));
  const lowest = defined.reduce((a, b) => (b.value < a.value ? b : a));
  return { gap: highest.value - lowest.value, highest, lowest };
}

/**
 * Equalized-odds gap: the larger of the TPR range and the FPR range across groups
 * (equalized odds asks both to be equal).
 */
export function equalizedOddsGap(rates: readonly GroupRates[]): {
  gap: number;
  truePositiveRate: GroupGap | null;
  falsePositiveRate: GroupGap | null;
} {
  const truePositiveRate = rateGap(rates, 'truePositiveRate');
  const falsePositiveRate = rateGap(rates, 'falsePositiveRate');
  const gap = Math.max(truePositiveRate?.gap ?? 0, falsePositiveRate?.gap ?? 0);
  return { gap, truePositiveRate, falsePositiveRate };
}

/** Demographic-parity gap: the range of selection rates across groups. */
export function demographicParityGap(rates: readonly GroupRates[]): GroupGap | null {
  return rateGap(rates, 'selectionRate');
}
