import { formatDifference, formatInterval, formatValue } from './card-numbers';
import type { CardEvaluation, CardMetric, ServiceCard } from './card-types';
import { metricDifference } from './difference';

export type ChangeVerdict = 'better' | 'worse' | 'no clear change' | 'not comparable';

export interface CardChange {
  scenario: string;
  slice: string;
  metric: string;
  subgroup: string;
  here: Pick<CardMetric, 'value' | 'ciLow' | 'ciHigh' | 'n'>;
  there: Pick<CardMetric, 'value' | 'ciLow' | 'ciHigh' | 'n'>;
  /** This model − the other, with a 95% interval. */
  difference: { value: number; low: number; high: number; method: 'newcombe' | 'normal' } | null;
  verdict: ChangeVerdict;
  text: string;
}

export interface CardComparison {
  other: { modelId: string; name: string; version: string; contentHash: string };
  adapterSpecChanged: boolean;
  intendedUseChanged: string[];
  /** Evaluations (scenario on slice) that only one of the two cards has. */
  onlyHere: string[];
  onlyThere: string[];
  changes: CardChange[];
}

const key = (e: CardEvaluation) => `${e.scenario.id}\u0000${e.slice.id}`;
const label = (e: CardEvaluation) => `${e.scenario.name} on ${e.slice.name} v${e.slice.version}`;
const metricsOf = (e: CardEvaluation) => [...e.headline, ...e.groups.flatMap((g) => g.rows)];

/**
 * What changed between two model versions' cards, evaluation by evaluation (the same scenario
 * on the same slice), metric by metric and group by group, each difference with its interval as
 * two independent samples (Newcombe for proportions; a normal interval from the stored intervals
 * for means and ratios, see `metricDifference`).
 */
export function compareCards(here: ServiceCard, there: ServiceCard): CardComparison {
  const theirs = new Map(there.evaluations.map((e) => [key(e), e]));
  const ours = new Set(here.evaluations.map(key));
  const changes: CardChange[] = [];
  for (const evaluation of here.evaluations) {
    const other = theirs.get(key(evaluation));
    if (!other) continue;
    const otherMetrics = metricsOf(other);
    for (const mine of metricsOf(evaluation)) {
      const match = otherMetrics.find(
        (m) => m.metric === mine.metric && m.subgroup === mine.subgroup,
      );
      if (match) changes.push(change(evaluation, mine, match, there.model.version));
    }
  }
  const notes = ['intendedUse', 'outOfScope', 'contact'] as const;
  return {
    other: {
      modelId: there.model.id,
      name: there.model.name,
      version: there.model.version,
      contentHash: there.identity.contentHash,
    },
    adapterSpecChanged: here.model.adapterSpecHash !== there.model.adapterSpecHash,
    intendedUseChanged: notes.filter((n) => here.intendedUse[n] !== there.intendedUse[n]),
    onlyHere: here.evaluations.filter((e) => !theirs.has(key(e))).map(label),
    onlyThere: there.evaluations.filter((e) => !ours.has(key(e))).map(label),
    changes,
  };
}

function change(
  evaluation: CardEvaluation,
  mine: CardMetric,
  theirs: CardMetric,
  version: string,
): CardChange {
  const difference = metricDifference(mine, theirs, mine.statKind);
  const good = mine.direction === 'higher_is_better' ? 1 : -1;
  const verdict: ChangeVerdict =
    !difference || mine.descriptive
      ? difference
        ? 'no clear change'
        : 'not comparable'
      : difference.low > 0 || difference.high < 0
        ? good * difference.value > 0
          ? 'better'
          : 'worse'
        : 'no clear change';
  const v = (m: CardMetric) => formatValue(m.value, m.statKind);
  const d = (x: number) => formatDifference(x, mine.statKind);
  const where = mine.subgroup === 'all' ? '' : ` for ${mine.subgroup}`;
  const text = difference
    ? `${mine.metric}${where}: ${v(mine)} here against ${v(theirs)} in version ${version}, a difference of ${d(difference.value)} with 95% interval ${formatInterval(difference.low, difference.high, d)} (${difference.method === 'newcombe' ? 'Newcombe' : 'normal, from the two intervals'}): ${verdict}.`
    : `${mine.metric}${where}: not comparable (a value or an interval is missing).`;
  return {
    scenario: evaluation.scenario.name,
    slice: `${evaluation.slice.name} v${evaluation.slice.version}`,
    metric: mine.metric,
    subgroup: mine.subgroup,
    here: { value: mine.value, ciLow: mine.ciLow, ciHigh: mine.ciHigh, n: mine.n },
    there: { value: theirs.value, ciLow: theirs.ciLow, ciHigh: theirs.ciHigh, n: theirs.n },
    difference,
    verdict,
    text,
  };
}
