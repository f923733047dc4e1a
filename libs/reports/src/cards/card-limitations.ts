import { mdeFromStandardError, proportionMde } from '@lastmile/metrics';
import { findScenarioKind } from '@lastmile/scenarios';
import { count, day, formatDifference, formatInterval, formatValue } from './card-numbers';
import {
  DRIFT_WINDOW_DAYS,
  type CardEvaluation,
  type CardInput,
  type CardLimitation,
  type CardMetric,
} from './card-types';
import { metricDifference, standardErrorOf } from './difference';

const MAX_UNDERPOWERED = 20;

/** Known limitations, each derived from the data on the card (never written by hand). */
export function deriveLimitations(
  input: CardInput,
  evaluations: CardEvaluation[],
): CardLimitation[] {
  const limitations: CardLimitation[] = [];
  if (evaluations.length === 0)
    limitations.push({
      kind: 'no_evaluation',
      text: 'No finished evaluation is in the data this card may show: nothing on it is measured yet.',
    });
  for (const evaluation of evaluations) limitations.push(...worstGroups(evaluation));
  limitations.push(...underpowered(input, evaluations));
  limitations.push(...neverRun(input));
  limitations.push(...driftConditions(input, evaluations));
  return limitations;
}

const label = (e: CardEvaluation) => `${e.slice.name} v${e.slice.version} (${e.scenario.name})`;
const headlineOf = (e: CardEvaluation) =>
  e.headline.find((m) => !m.descriptive && m.value !== null);

function worstGroups(evaluation: CardEvaluation): CardLimitation[] {
  const headline = headlineOf(evaluation);
  if (!headline) return [];
  return evaluation.groups
    .filter((g) => g.metric === headline.metric)
    .flatMap((table) => {
      const rows = table.rows.filter((r) => r.value !== null);
      if (rows.length < 2) return [];
      const sign = headline.direction === 'lower_is_better' ? 1 : -1;
      const sorted = [...rows].sort((a, b) => sign * (b.value! - a.value!));
      const [worst, best] = [sorted[0], sorted[sorted.length - 1]];
      const v = (m: CardMetric) =>
        `${formatValue(m.value, m.statKind)} ${formatInterval(m.ciLow, m.ciHigh, (x) => formatValue(x, m.statKind))}`;
      // worst − best turned so that a positive number is a shortfall, whatever the direction.
      const difference = metricDifference(worst, best, headline.statKind);
      const d = (x: number) => formatDifference(x, headline.statKind);
      const [low, high] = difference
        ? [sign * difference.low, sign * difference.high].sort((a, b) => a - b)
        : [0, 0];
      const judged = !difference
        ? 'no interval of the difference could be computed'
        : `the shortfall, ${d(sign * difference.value)} ${formatInterval(low, high, d)}, ${low > 0 || high < 0 ? 'is clear at 95%' : 'could be chance at these sizes'}`;
      return [
        {
          kind: 'worst_group' as const,
          text: `${label(evaluation)}: ${headline.metric} is worst for ${worst.subgroup} (${v(worst)}, ${count(worst.n, 'item')}) and best for ${best.subgroup} (${v(best)}); ${judged}.`,
        },
      ];
    });
}

/**
 * Groups too small to reveal the shortfall the plan's alerts look for (minEffect), by the minimum
 * detectable effect against the whole slice at 80% power and one-sided α 0.05: one line per
 * evaluation and attribute, smallest groups first.
 */
function underpowered(input: CardInput, evaluations: CardEvaluation[]): CardLimitation[] {
  const found: CardLimitation[] = [];
  for (const evaluation of evaluations) {
    const headline = headlineOf(evaluation);
    const row = input.evaluations.find(
      (e) => e.planId === evaluation.planId && e.sliceId === evaluation.slice.id,
    );
    if (!headline || !row) continue;
    const threshold = row.alertPolicy?.minEffect ?? 0.02;
    const d = (x: number) => formatDifference(x, headline.statKind, false);
    for (const table of evaluation.groups.filter((g) => g.metric === headline.metric)) {
      const weak = table.rows
        .map((group) => ({ group, mde: minimumDetectable(group, headline) }))
        .filter(({ mde }) => mde > threshold)
        .sort((a, b) => a.group.n - b.group.n)
        .slice(0, MAX_UNDERPOWERED)
        .map(({ group, mde }) =>
          Number.isFinite(mde)
            ? `${group.subgroup} (${count(group.n, 'item')}: ${d(mde)} or more)`
            : `${group.subgroup} (${count(group.n, 'item')}: none at all)`,
        );
      if (weak.length === 0) continue;
      found.push({
        kind: 'underpowered_group',
        text: `${label(evaluation)}: too few items to reveal the ${d(threshold)} shortfall of ${headline.metric} the plan's alerts look for in ${weak.length === 1 ? 'this group' : 'these groups'}, which can only show ${weak.join('; ')} against the whole slice (80% power, one-sided α 0.05). Smaller differences there go unseen.`,
      });
    }
  }
  return found;
}

function minimumDetectable(group: CardMetric, overall: CardMetric): number {
  if (group.statKind === 'proportion' && overall.value !== null) {
    const bad = overall.direction === 'higher_is_better' ? 1 - overall.value : overall.value;
    const rate = Math.min(Math.max(bad, 0), 0.999);
    return proportionMde({ rate, nCurrent: group.n, nBaseline: Math.max(1, overall.n - group.n) });
  }
  const [seGroup, seAll] = [standardErrorOf(group), standardErrorOf(overall)];
  if (seGroup === null || seAll === null) return Number.POSITIVE_INFINITY;
  return mdeFromStandardError(Math.sqrt(seGroup ** 2 + seAll ** 2));
}

function neverRun(input: CardInput): CardLimitation[] {
  const modality = input.model.modality === 'speech' ? 'audio' : 'text';
  const missing = input.scenarios.filter(
    (s) => !input.scenariosRun.has(s.id) && findScenarioKind(s.kind)?.modality === modality,
  );
  const limitations: CardLimitation[] = input.plans
    .filter((p) => p.finishedRuns === 0)
    .map((p) => ({
      kind: 'plan_never_finished',
      text: `Plan ${p.planName} has not finished a run yet: what it evaluates is not on this card.`,
    }));
  if (missing.length)
    limitations.push({
      kind: 'scenario_never_run',
      text: `Never run on this model: ${missing.map((s) => `${s.name} (${s.kind})`).join(', ')}. The card says nothing about how it does there.`,
    });
  return limitations;
}

/**
 * Alert types that say the model's results moved on a slice (libs/monitoring FindingKind; 'cusum'
 * rows predate incidents). A fairness gap beyond tolerance is a state, not a drift; health is about
 * runs failing; judge_drift is about the judge, not the model — none of them names a condition.
 */
const DRIFT_TYPES: ReadonlySet<string> = new Set([
  'drift',
  'cusum',
  'disparity_drift',
  'condition_drift',
]);

function driftConditions(input: CardInput, evaluations: CardEvaluation[]): CardLimitation[] {
  const byCondition = new Map<string, CardInput['incidents']>();
  for (const incident of input.incidents.filter((i) => DRIFT_TYPES.has(i.type))) {
    const key = `${incident.planId}\u0000${incident.sliceId ?? ''}`;
    byCondition.set(key, [...(byCondition.get(key) ?? []), incident]);
  }
  return [...byCondition.values()].map((incidents) => {
    const latest = incidents[0];
    const evaluation = evaluations.find(
      (e) => e.planId === latest.planId && e.slice.id === latest.sliceId,
    );
    const conditions = evaluation?.slice.conditions.length
      ? ` Conditions of that slice: ${evaluation.slice.conditions.map((c) => `${c.attribute} ${c.groups.map((g) => g.value).join(', ')}`).join('; ')}.`
      : '';
    const where = latest.sliceName ? `${latest.sliceName} v${latest.sliceVersion}` : 'a slice';
    return {
      kind: 'drift_condition' as const,
      text: `A drift alert fired on ${where} (plan ${latest.planName}) ${count(incidents.length, 'time')} in the last ${DRIFT_WINDOW_DAYS} days, most recently on ${day(latest.openedAt)}: “${latest.title}” (${latest.status}).${conditions}`,
    };
  });
}
