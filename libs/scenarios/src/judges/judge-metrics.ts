import { krippendorffAlphaInterval } from '@lastmile/metrics';
import type { InstanceStats, MetricDefinition, MetricValue } from '../scenario-kind';
import { aggregateItemMetrics, sampleMean } from '../support/item-metrics';
import type { ItemSamples } from '../support/item-samples';
import { ALL_SUBGROUP, type Breakdown } from '../support/subgroups';
import type { JudgeConfig } from './judge-config';

const descriptive = (definition: MetricDefinition): MetricDefinition => ({
  ...definition,
  descriptive: true,
});

/** Share of judge answers that failed validation, per model answer. */
const malformedShare: MetricDefinition = {
  name: 'judge_malformed_rate',
  direction: 'lower_is_better',
  statKind: 'mean',
  descriptive: true,
  itemValue: (samples: InstanceStats[]) => {
    let valid = 0;
    let malformed = 0;
    for (const s of samples) {
      valid += typeof s.judge_valid === 'number' ? s.judge_valid : 0;
      malformed += typeof s.judge_malformed === 'number' ? s.judge_malformed : 0;
    }
    return valid + malformed === 0 ? null : { num: malformed / (valid + malformed), den: 1 };
  },
};

export const SAMPLE_ALPHA = 'judge_sample_alpha';

/** Per-answer metrics of judgeSingle / judgePairwise stats, the same for every kind a judge scores. */
export function judgeItemMetrics(judge: Pick<JudgeConfig, 'mode'>): MetricDefinition[] {
  if (judge.mode === 'pairwise') {
    return [
      sampleMean('win_rate', 'higher_is_better', 'win_score'),
      descriptive(sampleMean('position_consistency', 'higher_is_better', 'position_consistent')),
      descriptive(sampleMean('first_position_win_share', 'lower_is_better', 'first_position_wins')),
      malformedShare,
    ];
  }
  return [
    // The judge's scores are on the rubric's scale, not shares.
    { ...sampleMean('judge_score', 'higher_is_better'), unit: 'score' },
    { ...sampleMean('judge_pass_rate', 'higher_is_better', 'judge_pass'), statKind: 'proportion' },
    descriptive({ ...sampleMean('judge_spread', 'lower_is_better'), unit: 'score' }),
    malformedShare,
  ];
}

/** judge_sample_alpha, when there are several single-mode samples to agree or not. */
export function judgeRunMetrics(judge: Pick<JudgeConfig, 'mode' | 'samples'>): MetricDefinition[] {
  if (judge.mode === 'pairwise' || judge.samples < 2) return [];
  return [
    {
      name: SAMPLE_ALPHA,
      direction: 'higher_is_better',
      statKind: 'mean',
      unit: 'score',
      level: 'run',
      descriptive: true,
      itemValue: () => null,
    },
  ];
}

export const judgeMetrics = (judge: Pick<JudgeConfig, 'mode' | 'samples'>): MetricDefinition[] => [
  ...judgeItemMetrics(judge),
  ...judgeRunMetrics(judge),
];

/**
 * How reliably the judge scores the same answer: Krippendorff's α (interval) over answers, with
 * the judge's samples as coders (malformed samples missing), and a bootstrap interval over answers.
 */
export function sampleAlpha(items: readonly ItemSamples[], seed: number): MetricValue {
  const units = items.flatMap((item) =>
    item.samples.map((s) =>
      typeof s.judge_scores === 'string' && s.judge_scores !== ''
        ? s.judge_scores.split(',').map(Number)
        : [],
    ),
  );
  const result = krippendorffAlphaInterval(units, 'interval', { seed, resamples: 1000 });
  const defined = !Number.isNaN(result.alpha);
  return {
    name: SAMPLE_ALPHA,
    subgroup: ALL_SUBGROUP,
    value: defined ? result.alpha : null,
    ciLow: defined && !Number.isNaN(result.low) ? result.low : null,
    ciHigh: defined && !Number.isNaN(result.high) ? result.high : null,
    n: result.units,
  };
}

/** The judge metrics' values: per answer over 'all' and the breakdown, α over the run. */
export function aggregateJudgeMetrics(
  judge: Pick<JudgeConfig, 'mode' | 'samples'>,
  items: readonly ItemSamples[],
  options: { seed: number; breakdownBy?: Breakdown },
): MetricValue[] {
  const values = aggregateItemMetrics(judgeItemMetrics(judge), items, options);
  if (judgeRunMetrics(judge).length > 0) values.push(sampleAlpha(items, options.seed));
  return values;
}
