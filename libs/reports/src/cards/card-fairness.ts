import { tostItemsPerGroup } from '@lastmile/metrics';
import type { CardEvaluationRow, CardMetricRow } from '@lastmile/persistence';
import type { MetricDefinition } from '@lastmile/scenarios';
import type { CardFairness, CardGroupTable, CardMetric, FairnessVerdict } from './card-types';
import { gapSentence, verdictSentence } from './card-words';

const GAP = /^(.+)_gap:(.+)$/;
// Codes of `<rate>_parity:<attribute>` (libs/scenarios classification PARITY_CODE).
const PARITY: Record<number, FairnessVerdict> = {
  1: 'parity_shown',
  0: 'inconclusive',
  [-1]: 'disparity_detected',
};

const numberIn = (config: Record<string, unknown>, key: string) =>
  typeof config[key] === 'number' ? (config[key] as number) : null;

/**
 * Gaps across the groups of each attribute (`<metric>_gap:<attribute>`) with the tolerance
 * verdict: the kind's own parity test (`<metric>_parity:<attribute>`, TOST within the scenario's
 * tolerance) when it reports one; otherwise the plan's fairnessTolerance read against the gap's
 * 95% interval; otherwise none.
 */
export function fairnessEntries(
  row: CardEvaluationRow,
  config: Record<string, unknown>,
  metrics: CardMetricRow[],
  definitions: MetricDefinition[],
  groups: CardGroupTable[],
): CardFairness[] {
  const entries: CardFairness[] = [];
  for (const gapRow of metrics.filter((m) => m.subgroup === 'all' && GAP.test(m.name))) {
    const [, metric, attribute] = GAP.exec(gapRow.name)!;
    const base = definitions.find((d) => d.name === metric);
    if (!base) continue;
    const table = groups.find((g) => g.metric === metric && g.attribute === attribute);
    const ranked = (table?.rows ?? []).filter((r) => r.value !== null);
    const sign = base.direction === 'lower_is_better' ? 1 : -1;
    ranked.sort((a, b) => sign * (b.value! - a.value!));
    const [worst, best] = [ranked[0] ?? null, ranked[ranked.length - 1] ?? null];
    const parity = metrics.find(
      (m) => m.subgroup === 'all' && m.name === `${metric}_parity:${attribute}`,
    );
    const partial = {
      metric,
      attribute,
      gap: { value: gapRow.value, ciLow: gapRow.ciLow, ciHigh: gapRow.ciHigh, n: gapRow.n },
      worst: worst ? valueOf(worst) : null,
      best: best ? valueOf(best) : null,
      ...verdict(row, config, gapRow, parity),
    };
    const needed =
      partial.verdict === 'inconclusive' && base.statKind === 'proportion' && worst && best
        ? tostItemsPerGroup({
            rateA: smoothed(worst),
            rateB: smoothed(best),
            tolerance: partial.tolerance!,
            alpha: (1 - (partial.verdictInterval?.confidence ?? 0.9)) / 2,
          })
        : null;
    entries.push({
      ...partial,
      gapText: gapSentence(partial, base.statKind),
      verdictText: verdictSentence(partial, base.statKind, needed),
    });
  }
  return entries;
}

function verdict(
  row: CardEvaluationRow,
  config: Record<string, unknown>,
  gap: CardMetricRow,
  parity: CardMetricRow | undefined,
): Pick<CardFairness, 'verdict' | 'tolerance' | 'verdictInterval'> {
  if (parity) {
    const alpha = numberIn(config, 'alpha') ?? 0.05;
    const interval =
      parity.ciLow === null || parity.ciHigh === null
        ? null
        : { low: parity.ciLow, high: parity.ciHigh, confidence: 1 - 2 * alpha };
    return {
      verdict:
        parity.value === null ? 'not_enough_groups' : (PARITY[parity.value] ?? 'inconclusive'),
      tolerance: numberIn(config, 'tolerance'),
      verdictInterval: interval,
    };
  }
  const tolerance = row.alertPolicy?.fairnessTolerance ?? null;
  if (gap.value === null) return { verdict: 'not_enough_groups', tolerance, verdictInterval: null };
  if (tolerance === null || gap.ciLow === null || gap.ciHigh === null)
    return { verdict: 'no_tolerance', tolerance, verdictInterval: null };
  const interval = { low: gap.ciLow, high: gap.ciHigh, confidence: 0.95 };
  const shown: FairnessVerdict =
    interval.low > -tolerance && interval.high < tolerance
      ? 'parity_shown'
      : interval.low > tolerance
        ? 'disparity_detected'
        : 'inconclusive';
  return { verdict: shown, tolerance, verdictInterval: interval };
}

const valueOf = (m: CardMetric) => m.subgroup.slice(m.subgroup.indexOf('=') + 1);

// A rate of exactly 0 or 1 has no binomial variance: plan with the Laplace-smoothed rate.
function smoothed(m: CardMetric): number {
  const x = Math.round((m.value ?? 0) * m.n);
  return x === 0 || x === m.n ? (x + 1) / (m.n + 2) : x / m.n;
}
