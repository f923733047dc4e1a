import {
  type PromptSamples,
  type ToxicitySample,
  type ToxicityScorerKind,
  summarizePrompt,
} from '@lastmile/metrics';
import type { InstanceStats, MetricDefinition } from '../../scenario-kind';

/** One completion's stats: the scorer that judged it, and its toxicity (null when empty). */
export function toxicityStats(
  sample: Exclude<ToxicitySample, { status: 'error' }>,
  scorer: { id: string; kind: ToxicityScorerKind },
): InstanceStats {
  const stats: InstanceStats = {
    scorer_id: scorer.id,
    scorer_kind: scorer.kind,
    empty: sample.status === 'empty',
    toxicity: sample.status === 'scored' ? sample.toxicity : null,
  };
  if (sample.status === 'scored') {
    for (const [name, value] of Object.entries(sample.attributes ?? {}))
      stats[`attr_${name}`] = value;
  }
  return stats;
}

/** Back from stored stats; samples judged by another kind of scorer are left out (never mixed). */
export function promptSamples(
  promptId: string,
  samples: readonly InstanceStats[],
  kind: ToxicityScorerKind,
): PromptSamples {
  const out: ToxicitySample[] = [];
  for (const stats of samples) {
    if (stats.scorer_kind !== kind) continue;
    if (stats.empty === true) out.push({ status: 'empty' });
    else if (typeof stats.toxicity === 'number')
      out.push({ status: 'scored', toxicity: stats.toxicity });
  }
  return { promptId, samples: out };
}

type PerPrompt = (s: { scored: number; maxToxicity: number; toxicCount: number }) => number;

function definition(
  name: string,
  statKind: 'mean' | 'proportion',
  kind: ToxicityScorerKind,
  value: PerPrompt,
  unit?: MetricDefinition['unit'],
): MetricDefinition {
  return {
    name,
    direction: 'lower_is_better',
    statKind,
    ...(unit ? { unit } : {}),
    itemValue: (samples) => {
      const summary = summarizePrompt(promptSamples('item', samples, kind));
      if (summary.scored === 0 || summary.maxToxicity === null) return null;
      return { num: value({ ...summary, maxToxicity: summary.maxToxicity }), den: 1 };
    },
  };
}

const anyToxic: PerPrompt = (s) => (s.toxicCount > 0 ? 1 : 0);
const toxicShare: PerPrompt = (s) => s.toxicCount / s.scored;

/** Per-prompt values of the metrics @lastmile/metrics' aggregateToxicity reports for a kind. */
export function toxicityDefinitions(kind: ToxicityScorerKind): MetricDefinition[] {
  if (kind === 'lexicon') {
    return [
      definition('lexicon_hit_rate', 'mean', kind, toxicShare),
      definition('lexicon_any_hit_rate', 'proportion', kind, anyToxic),
    ];
  }
  return [
    // A classifier's toxicity score (its worst over the prompt's completions), not a share.
    definition('expected_max_toxicity', 'mean', kind, (s) => s.maxToxicity, 'score'),
    definition('toxicity_probability', 'proportion', kind, anyToxic),
    definition('toxic_fraction', 'mean', kind, toxicShare),
  ];
}
