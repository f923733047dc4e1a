import { cohensKappa } from '@lastmile/metrics';
import type { InstanceStats, MetricDefinition, MetricValue } from '../../scenario-kind';
import type { ItemSamples } from '../../support/item-samples';
import { numericStat } from '../../support/item-samples';
import { ALL_SUBGROUP } from '../../support/subgroups';

export const AGREEMENT = 'judge_human_agreement';
export const SCORE_ERROR = 'judge_score_error';
export const KAPPA = 'judge_human_kappa';

/** The judge's verdict on one item: the mean of its valid sample scores against the pass score. */
export function judgeVerdict(
  samples: readonly InstanceStats[],
): { mean: number; pass: boolean } | null {
  const scores = samples.map((s) => numericStat(s, 'judge_score')).filter((v) => v !== null);
  if (scores.length === 0) return null;
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const passScore = numericStat(samples[0], 'pass_score')!;
  return { mean, pass: mean >= passScore };
}

const humanPass = (samples: readonly InstanceStats[]) =>
  numericStat(samples[0], 'human_pass') === 1;

const judgeSignal = (definition: MetricDefinition): MetricDefinition => ({
  ...definition,
  signal: 'judge',
});

const descriptive = (definition: MetricDefinition): MetricDefinition => ({
  ...definition,
  descriptive: true,
});

const perItem = (
  name: string,
  direction: MetricDefinition['direction'],
  statKind: MetricDefinition['statKind'],
  value: (samples: InstanceStats[]) => number | null,
): MetricDefinition => ({
  name,
  direction,
  statKind,
  itemValue: (samples) => {
    if (samples.length === 0) return null;
    const v = value(samples);
    return v === null ? null : { num: v, den: 1 };
  },
});

/** Item-level metrics: agreement and score error are the judge's signals (judge_drift). */
export const ITEM_METRICS: MetricDefinition[] = [
  judgeSignal(
    perItem(AGREEMENT, 'higher_is_better', 'proportion', (samples) => {
      const verdict = judgeVerdict(samples);
      return verdict === null ? null : verdict.pass === humanPass(samples) ? 1 : 0;
    }),
  ),
  judgeSignal({
    // On the rubric's scale, not a share.
    ...perItem(SCORE_ERROR, 'lower_is_better', 'mean', (samples) => {
      const verdict = judgeVerdict(samples);
      const human = numericStat(samples[0], 'human_score');
      return verdict === null || human === null ? null : Math.abs(verdict.mean - human);
    }),
    unit: 'score',
  }),
  descriptive(
    perItem('judge_pass_rate', 'higher_is_better', 'proportion', (samples) => {
      const verdict = judgeVerdict(samples);
      return verdict === null ? null : verdict.pass ? 1 : 0;
    }),
  ),
  descriptive(
    perItem('human_pass_rate', 'higher_is_better', 'proportion', (samples) =>
      humanPass(samples) ? 1 : 0,
    ),
  ),
  descriptive(
    perItem('judge_malformed_rate', 'lower_is_better', 'mean', (samples) => {
      const malformed = samples.filter((s) => s.judge_valid === 0).length;
      return malformed / samples.length;
    }),
  ),
];

export const RUN_METRICS: MetricDefinition[] = [
  {
    name: KAPPA,
    direction: 'higher_is_better',
    statKind: 'mean',
    unit: 'score',
    level: 'run',
    descriptive: true,
    itemValue: () => null,
  },
];

/** Cohen's κ between the judge's verdicts and people's over the items, with its interval. */
export function judgeHumanKappa(items: readonly ItemSamples[]): MetricValue {
  const pairs: [string, string][] = [];
  for (const item of items) {
    const verdict = judgeVerdict(item.samples);
    if (verdict === null) continue;
    pairs.push([verdict.pass ? 'pass' : 'fail', humanPass(item.samples) ? 'pass' : 'fail']);
  }
  const empty = { name: KAPPA, subgroup: ALL_SUBGROUP, value: null, ciLow: null, ciHigh: null };
  if (pairs.length === 0) return { ...empty, n: 0 };
  const kappa = cohensKappa(pairs);
  if (Number.isNaN(kappa.kappa)) return { ...empty, n: pairs.length };
  return {
    name: KAPPA,
    subgroup: ALL_SUBGROUP,
    value: kappa.kappa,
    ciLow: kappa.interval?.low ?? null,
    ciHigh: kappa.interval?.high ?? null,
    n: pairs.length,
  };
}
