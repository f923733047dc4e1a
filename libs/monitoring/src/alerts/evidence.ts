import type { DriftFinding } from '../drift/evaluate-drift';
import type { FairnessGapFinding } from '../drift/fairness-gap';
import type { CusumStep } from '../drift/cusum-monitor';
import type { WorstItem } from '../drift/worst-items';

export type Interval = [number, number] | null;

/** A worst item as on-call reads it: what was asked, the reference, what the model said. */
export interface WorstItemEvidence extends WorstItem {
  input: string | null;
  references: string[] | null;
  responses: string[];
  stats: Record<string, unknown>[];
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
    direction: finding.direction,
    baseline: { ...baseline, valueOnTestedItems: round(finding.baselineValue) },
    current: { ...current, valueOnTestedItems: round(finding.currentValue) },
    delta: round(finding.delta),
    deltaInterval: interval(finding.deltaInterval.low, finding.deltaInterval.high),
    confidence: finding.confidence,
    test: finding.test,
    paired: finding.paired,
    alternative: 'worse by more than minEffect',
    minEffect: finding.minEffect,
    pValue: finding.pWorse,
    pValueTwoSided: finding.pValue,
    qValue: finding.qValue,
    n: finding.n,
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
    test: 'one-sided CUSUM of the standardized metric (in-control ARL 200 runs)',
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
