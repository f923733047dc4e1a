import { wilsonInterval } from '../stats/wilson';
import type { Interval } from '../stats/interval';
import { cohensKappa, type KappaResult } from './cohen-kappa';

/** The most frequent label; null when two labels tie for most (no majority to compare with). */
export function majorityLabel(labels: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[0][1] === ranked[1][1])) return null;
  return ranked[0][0];
}

export interface JudgedItem {
  itemId: string;
  judge: string;
  humans: readonly string[];
}

export interface JudgeHumanAgreement {
  /** Items with a human majority. */
  n: number;
  agreements: number;
  /** Share of those items where the judge's label is the majority human label. */
  rate: number | null;
  interval: Interval;
  /** Cohen's κ between the judge and the human majority. */
  kappa: KappaResult | null;
  /** Items left out: no human label, or a tie among people. */
  withoutMajority: string[];
  perItem: { itemId: string; majority: string; agree: boolean }[];
}

/** Per item, the judge against the majority of the people who labelled it. */
export function judgeHumanAgreement(items: readonly JudgedItem[]): JudgeHumanAgreement {
  const perItem: JudgeHumanAgreement['perItem'] = [];
  const withoutMajority: string[] = [];
  for (const item of items) {
    const majority = majorityLabel(item.humans);
    if (majority === null) withoutMajority.push(item.itemId);
    else perItem.push({ itemId: item.itemId, majority, agree: item.judge === majority });
  }
  const n = perItem.length;
  const agreements = perItem.filter((p) => p.agree).length;
  const judged = new Map(items.map((i) => [i.itemId, i.judge]));
  return {
    n,
    agreements,
    rate: n === 0 ? null : agreements / n,
    interval: wilsonInterval(agreements, n),
    kappa: n === 0 ? null : cohensKappa(perItem.map((p) => [judged.get(p.itemId)!, p.majority])),
    withoutMajority,
    perItem,
  };
}
