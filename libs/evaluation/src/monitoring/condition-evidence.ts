import {
  describeConditionChange,
  groupLabel,
  isConditionSignal,
  orientedDefinition,
  worstItems,
  type SignalChange,
} from '@lastmile/monitoring';
import type { FindingDraft } from '@lastmile/monitoring';
import { sliceLabel, type AssessmentContext } from './assessment-context';
import { cellKey, type SliceState } from './slice-state';

const WORST_RECORDINGS = 3;
/** Which signal ranks the worst recordings: the first of these that drifted overall. */
const RANKING = [
  'snr_db',
  'tonal_peak_prominence_db',
  'empty_transcript_rate',
  'clipping_rate',
  'confidence',
  'tonal_peak_rate',
  'hyp_words',
  'words_per_second',
  'speech_ratio',
  'rms_dbfs',
  'duration_seconds',
];

/**
 * Puts a slice's condition_drift findings into words once every test has run: each finding's
 * title says what changed in its group ("a tonal peak at 1,000 Hz, 18 dB above the noise floor,
 * appeared in 31 of 32 recordings; estimated SNR 24 → 6 dB"), and its evidence holds
 * `condition`: the sentence for all recordings, one per group, and the worst recordings with
 * their signals, transcript and a link to their audio.
 */
export async function describeConditions(context: AssessmentContext): Promise<void> {
  for (const slice of context.input.slices) {
    const findings = context.observations
      .filter((o) => o.kind === 'condition_drift' && o.sliceId === slice.slice.id && o.finding)
      .map((o) => o.finding!);
    if (findings.length === 0) continue;
    const bySubgroup = new Map<string, Set<string>>();
    for (const f of findings) {
      const drifted = bySubgroup.get(f.subgroup) ?? new Set<string>();
      bySubgroup.set(f.subgroup, drifted.add(f.metric));
    }
    const groups = [...bySubgroup].map(([subgroup, drifted]) => {
      const n = groupSize(context, slice, subgroup);
      const signals = conditionSignals(context, slice, subgroup);
      return { subgroup, n, summary: describeConditionChange({ subgroup, n, drifted, signals }) };
    });
    const overall = groups.find((g) => g.subgroup === 'all') ?? null;
    const condition = {
      summary: overall?.summary ?? null,
      groups: groups
        .filter((g) => g.subgroup !== 'all' && g.summary !== null)
        .sort((a, b) => a.subgroup.localeCompare(b.subgroup))
        .map((g) => ({ ...g, label: groupLabel(g.subgroup) })),
      recordings: await worstRecordings(context, slice, bySubgroup.get('all') ?? new Set()),
    };
    for (const finding of findings) retitle(finding, slice, groups, condition);
  }
}

function retitle(
  finding: FindingDraft,
  slice: SliceState,
  groups: { subgroup: string; summary: string | null }[],
  condition: Record<string, unknown>,
): void {
  const summary = groups.find((g) => g.subgroup === finding.subgroup)?.summary;
  const where = finding.subgroup === 'all' ? '' : ` / ${finding.subgroup}`;
  if (summary)
    finding.title = `Recording conditions changed on ${sliceLabel(slice)}${where}: ${summary}`;
  finding.evidence = { ...finding.evidence, condition };
}

/** Baseline and current value of every condition signal of a group (tonal_peak_hz: current only). */
function conditionSignals(
  context: AssessmentContext,
  slice: SliceState,
  subgroup: string,
): Record<string, SignalChange> {
  const signals: Record<string, SignalChange> = {};
  for (const metric of context.input.metrics.filter(isConditionSignal)) {
    const key = cellKey(metric.name, subgroup);
    signals[metric.name] = {
      baseline: slice.choices.get(key)?.reference?.value ?? null,
      current: slice.metricRows.get(key)?.value ?? null,
    };
  }
  return signals;
}

/** Recordings in the group in this run: the largest n among its condition signals. */
function groupSize(context: AssessmentContext, slice: SliceState, subgroup: string): number {
  return Math.max(
    0,
    ...context.input.metrics
      .filter(isConditionSignal)
      .map((m) => slice.metricRows.get(cellKey(m.name, subgroup))?.n ?? 0),
  );
}

/** The recordings that moved the first drifted ranking signal most, with what on-call needs. */
async function worstRecordings(
  context: AssessmentContext,
  slice: SliceState,
  drifted: Set<string>,
) {
  const metric = RANKING.find((m) => drifted.has(m));
  if (!metric) return [];
  const choice = slice.choices.get(cellKey(metric, 'all'));
  const baseline = choice?.reference && context.input.referenceItems.get(choice.reference.id);
  const current = slice.current[metric]?.all;
  if (!baseline || !current) return [];
  // A two-sided signal ranks the recordings that moved the way the slice did.
  const definition = orientedDefinition(
    context.definition(metric),
    choice.reference!.value,
    slice.metricRows.get(cellKey(metric, 'all'))?.value ?? null,
  );
  const worst = worstItems(definition, baseline, current, WORST_RECORDINGS);
  const { worstItems: detailed } = await context.evidenceContext(slice, metric, worst);
  return detailed.map((item) => {
    const stats = (item.stats[0] ?? {}) as Record<string, unknown>;
    return {
      itemId: item.itemId,
      attributes: slice.itemAttributes.get(item.itemId) ?? {},
      rankedBy: metric,
      baseline: item.baseline,
      current: item.current,
      snrDb: stats.snrDb ?? null,
      tonalPeaks: stats.tonalPeaks ?? null,
      transcript: item.responses[0] ?? null,
      audio: item.audio ?? null,
    };
  });
}
