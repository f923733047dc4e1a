import type { DriftFinding } from '../drift/evaluate-drift';
import type { FairnessGapFinding } from '../drift/fairness-gap';
import type { FairnessMagnitudeFinding } from '../drift/fairness-magnitude';
import type { CusumStep } from '../drift/cusum-monitor';
import type { WorstItem } from '../drift/worst-items';

export type Interval = [number, number] | null;

/** A worst item as on-call reads it: what was asked, the reference, what the model said. */
export interface WorstItemEvidence extends WorstItem {
  input: string | null;
  references: string[] | null;
  responses: string[];
  stats: Record<string, unknown>[];
  /** The item's recording served by the API (speech slices of a tenant), to play it. */
  audio?: string | null;
}

export interface RunEvidence {
  id: string;
  status: string;
  done: number;
  errors: number;
}

export interface BaselineEvidence {
  value: number | null;
  interval: Interval;
  runIds: string[];
  versionKey: string;
  policy: string;
  pinned: boolean;
  /** The baseline belongs to an earlier model or slice version (compareAcrossVersions). */
  otherVersion: boolean;
}

export interface CurrentEvidence {
  value: number | null;
  interval: Interval;
  n: number;
}

export interface EvidenceContext {
  run: RunEvidence;
  links: { report: string; dashboard: string | null };
  worstItems: WorstItemEvidence[];
  severityThresholds: { warning: number; critical: number };
}

/** What a partial run means for the numbers: only the instances that succeeded were tested. */
export function partialNote(run: RunEvidence): string | null {
  if (run.status !== 'partial') return null;
  return `partial run: tested on the ${run.done - run.errors} instances that succeeded; ${run.errors} of ${run.done} model calls failed`;
}

const round = (x: number) => Number(x.toPrecision(6));
const interval = (low: number, high: number): [number, number] => [round(low), round(high)];

function common(context: EvidenceContext) {
  return {
    run: {
      ...context.run,
      partial: context.run.status === 'partial',
      note: partialNote(context.run),
    },
    runIds: { current: context.run.id },
    links: context.links,
    worstItems: context.worstItems,
    severityThresholds: context.severityThresholds,
  };
}

/** Baseline vs now with intervals, the change with its interval, the test, p and q, n. */
export function driftEvidence(
  finding: DriftFinding,
  baseline: BaselineEvidence,
  current: CurrentEvidence,
  context: EvidenceContext,
): Record<string, unknown> {
  const base = common(context);
  return {
    kind: 'drift',
    metric: finding.metric,
    subgroup: finding.subgroup,
    // A signal with no better side was tested for a change either way.
    direction: finding.twoSided ? 'either' : finding.direction,
    baseline: { ...baseline, valueOnTestedItems: round(finding.baselineValue) },
    current: { ...current, valueOnTestedItems: round(finding.currentValue) },
    delta: round(finding.delta),
    deltaInterval: interval(finding.deltaInterval.low, finding.deltaInterval.high),
    confidence: finding.confidence,
    test: finding.test,
    paired: finding.paired,
    alternative: finding.twoSided
      ? 'changed either way by more than minEffect'
      : 'worse by more than minEffect',
    minEffect: finding.minEffect,
    pValue: finding.pWorse,
    pValueTwoSided: finding.pValue,
    qValue: finding.qValue,
    n: finding.n,
    ...('mde' in finding
      ? {
          power: {
            status: (finding as { status?: string }).status,
            mde: round((finding as { mde: number }).mde),
            clusters: (finding as { clusters?: number }).clusters,
            note: 'mde: the smallest change this test detects with 80% power at α',
          },
        }
      : {}),
    ...base,
    runIds: { ...base.runIds, baseline: baseline.runIds },
  };
}

/** One group of a disparity test, in the evidence: baseline → now with intervals, and its contrast. */
export interface DisparityGroupEvidence {
  group: string;
  n: number;
  clusters: number;
  baseline: { value: number; interval: [number, number] };
  current: { value: number; interval: [number, number] };
  delta: number;
  contrast: number;
  contrastInterval: [number, number];
  pValue: number | null;
  qValue: number | null;
  mde: number | null;
  status: string;
}

/**
 * A group hurt more than the others by the change from baseline: every group's baseline → now
 * with intervals, the hurt group's contrast (its change minus the others' pooled change) with
 * its interval, the test, p and q, and the hurt group's worst items.
 */
export function disparityEvidence(
  finding: {
    metric: string;
    attribute: string;
    direction: string;
    hurt: string;
    contrast: number;
    contrastInterval: [number, number];
    delta: number;
    restDelta: number;
    test: string | null;
    pValue: number | null;
    qValue: number;
    minEffect: number;
    groups: DisparityGroupEvidence[];
  },
  baseline: Pick<BaselineEvidence, 'runIds' | 'versionKey' | 'policy' | 'pinned' | 'otherVersion'>,
  context: EvidenceContext,
): Record<string, unknown> {
  const base = common(context);
  return {
    kind: 'disparity_drift',
    metric: finding.metric,
    subgroup: finding.hurt,
    attribute: finding.attribute,
    direction: finding.direction,
    hurtGroup: finding.hurt,
    delta: round(finding.delta),
    restDelta: round(finding.restDelta),
    contrast: round(finding.contrast),
    contrastInterval: interval(finding.contrastInterval[0], finding.contrastInterval[1]),
    test: finding.test,
    alternative: 'the group changed for the worse by more than the other groups pooled',
    pValue: finding.pValue,
    qValue: finding.qValue,
    minEffect: finding.minEffect,
    groups: finding.groups.map((g) => ({
      ...g,
      baseline: { value: round(g.baseline.value), interval: interval(...g.baseline.interval) },
      current: { value: round(g.current.value), interval: interval(...g.current.interval) },
      delta: round(g.delta),
      contrast: round(g.contrast),
      contrastInterval: interval(...g.contrastInterval),
      mde: g.mde === null || !Number.isFinite(g.mde) ? null : round(g.mde),
    })),
    baseline,
    ...base,
    runIds: { ...base.runIds, baseline: baseline.runIds },
  };
}

/** The gap between the worst and the best group against the plan's tolerance. */
export function fairnessEvidence(
  finding: FairnessGapFinding,
  current: CurrentEvidence,
  context: EvidenceContext,
): Record<string, unknown> {
  return {
    kind: 'fairness_gap',
    metric: finding.metric,
    base: finding.base,
    attribute: finding.attribute,
    direction: finding.direction,
    groups: finding.groups,
    worstGroup: finding.worst,
    bestGroup: finding.best,
    gap: round(finding.gap),
    gapInterval: interval(finding.gapInterval.low, finding.gapInterval.high),
    tolerance: finding.tolerance,
    current,
    test: finding.test,
    alternative: 'gap larger than the tolerance',
    pValueUnadjusted: finding.rawPValue,
    pValue: finding.pValue,
    qValue: finding.qValue,
    n: { worst: finding.worst.n, best: finding.best.n },
    ...common(context),
  };
}

/** A run-level fairness magnitude beyond the plan's tolerance: value, interval, the test. */
export function fairnessMagnitudeEvidence(
  finding: FairnessMagnitudeFinding,
  context: EvidenceContext,
): Record<string, unknown> {
  return {
    kind: 'fairness_magnitude',
    metric: finding.metric,
    subgroup: finding.subgroup,
    current: {
      value: round(finding.value),
      interval: interval(finding.interval[0], finding.interval[1]),
      n: finding.n,
    },
    tolerance: finding.tolerance,
    test: finding.test,
    alternative: 'magnitude larger than the tolerance',
    pValue: finding.pValue,
    qValue: finding.qValue,
    ...common(context),
  };
}

/** The CUSUM statistic, its threshold and the sustained shift it estimates. */
export function cusumEvidence(
  metric: string,
  subgroup: string,
  step: CusumStep,
  baseline: BaselineEvidence,
  current: CurrentEvidence,
  context: EvidenceContext,
): Record<string, unknown> {
  const base = common(context);
  return {
    kind: 'cusum',
    metric,
    subgroup,
    baseline,
    current,
    statistic: round(step.state.s),
    threshold: step.state.h,
    reference: step.state.k,
    runsInExcursion: step.state.run,
    estimatedShift: round(step.shift),
    standardDeviation: round(step.state.sd),
    ...(step.side ? { side: step.side } : {}),
    test: step.side
      ? 'two-sided CUSUM of the standardized metric (in-control ARL 200 runs per side)'
      : 'one-sided CUSUM of the standardized metric (in-control ARL 200 runs)',
    ...base,
    runIds: { ...base.runIds, baseline: baseline.runIds },
  };
}

/** Why the run failed: no drift was computed from it. */
export function healthEvidence(
  run: RunEvidence,
  errorSummary: Record<string, unknown> | null,
  links: { report: string },
): Record<string, unknown> {
  return {
    kind: 'health',
    run,
    reason: errorSummary?.reason ?? 'the run failed',
    errorsByCode: errorSummary?.errorsByCode ?? {},
    note: 'the run failed: no drift was computed from it, and baselines were not updated',
    runIds: { current: run.id },
    links: { report: links.report, dashboard: null },
  };
}
