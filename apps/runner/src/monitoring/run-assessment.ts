import {
  alertDedupKey,
  alertTitle,
  cusumEvidence,
  decideFairnessGaps,
  decideRunDrift,
  driftEvidence,
  driftTests,
  fairnessEvidence,
  fairnessGapTests,
  pointValue,
  severityFor,
  stepBaselineCusum,
  worstItems,
  type BaselineEvidence,
  type BaselineRecord,
  type CurrentEvidence,
  type CusumState,
  type EvidenceContext,
  type ItemValue,
  type ItemValueSet,
  type Queryable,
} from '@lastmile/monitoring';
import type { AlertPolicy, BaselinePolicy, Run } from '@lastmile/persistence';
import type { MetricDefinition } from '@lastmile/scenarios';
import type { AlertObservation } from './alert-observation';
import { withItemDetails } from './item-details';
import { cellKey, type SliceState } from './slice-state';

export interface AssessmentInput {
  db: Queryable;
  run: Run;
  planId: string;
  alertPolicy: AlertPolicy;
  baselinePolicy: BaselinePolicy;
  seed: number;
  metrics: readonly MetricDefinition[];
  slices: readonly SliceState[];
  /** Pooled item values of the chosen references, by baseline id. */
  referenceItems: ReadonlyMap<string, Record<string, ItemValue>>;
  links: (sliceId: string, metric: string) => EvidenceContext['links'];
}

export interface Assessment {
  observations: AlertObservation[];
  /** `${sliceId}|${metric}|${subgroup}` that drifted (kept out of a rolling baseline). */
  drifted: Set<string>;
  /** New CUSUM state of each reference that was stepped, by baseline id. */
  cusum: Map<string, CusumState>;
}

const interval = (row?: {
  ciLow: number | null;
  ciHigh: number | null;
}): [number, number] | null =>
  row && row.ciLow !== null && row.ciHigh !== null ? [row.ciLow, row.ciHigh] : null;

/**
 * Drift tests of every slice, metric and subgroup against their baselines with one
 * Benjamini–Hochberg step across the run, fairness gaps across the run, and a CUSUM step per
 * baseline; each tested key becomes a finding (with evidence) or a clean observation.
 */
export async function assessRun(input: AssessmentInput): Promise<Assessment> {
  const { alertPolicy } = input;
  const byName = new Map(input.metrics.map((m) => [m.name, m]));
  const references = (slice: SliceState) => {
    const baseline: ItemValueSet = {};
    const runSpread: Record<string, number[]> = {};
    for (const [key, choice] of slice.choices) {
      const items = choice.reference && input.referenceItems.get(choice.reference.id);
      if (!items) continue;
      const [metric, subgroup] = splitKey(key);
      (baseline[metric] ??= {})[subgroup] = items;
      runSpread[key] = choice.reference!.runValues;
    }
    return { baseline, runSpread };
  };

  const tests = input.slices.flatMap((slice) =>
    driftTests({
      metrics: input.metrics,
      current: slice.current,
      ...references(slice),
      minEffect: alertPolicy.minEffect,
      seed: input.seed,
    }).map((test) => ({
      ...test,
      slice,
    })),
  );
  const decisions = decideRunDrift(tests, alertPolicy);
  const gaps =
    alertPolicy.fairnessTolerance === undefined
      ? []
      : decideFairnessGaps(
          input.slices.flatMap((slice) =>
            fairnessGapTests({
              metrics: input.metrics,
              current: slice.current,
              tolerance: alertPolicy.fairnessTolerance!,
              seed: input.seed,
            }).map((t) => ({ ...t, slice })),
          ),
          alertPolicy.alpha,
        );

  const observations: AlertObservation[] = [];
  const drifted = new Set<string>();
  const context = async (
    slice: SliceState,
    metric: string,
    worst: ReturnType<typeof worstItems>,
  ): Promise<EvidenceContext> => ({
    run: {
      id: input.run.id,
      status: input.run.status,
      done: input.run.done,
      errors: input.run.errors,
    },
    links: input.links(slice.slice.id, metric),
    worstItems: await withItemDetails(input.db, input.run.id, slice.slice.id, worst),
    severityThresholds: alertPolicy.severity,
  });
  const sliceName = (slice: SliceState) => `${slice.slice.name} v${slice.slice.version}`;
  const observe = (
    slice: SliceState,
    type: 'drift' | 'fairness_gap' | 'cusum',
    metric: string,
    subgroup: string,
    finding: AlertObservation['finding'],
  ) => {
    const parts = { type, planId: input.planId, sliceId: slice.slice.id, subgroup, metric };
    observations.push({ parts, dedupKey: alertDedupKey(parts), finding });
  };

  for (const decision of decisions) {
    const { slice, metric, subgroup } = decision;
    const key = cellKey(metric, subgroup);
    if (decision.verdict !== 'worse') {
      observe(slice, 'drift', metric, subgroup, null);
      continue;
    }
    drifted.add(`${slice.slice.id}|${key}`);
    const choice = slice.choices.get(key)!;
    const reference = choice.reference!;
    const definition = byName.get(metric)!;
    const worst = worstItems(
      definition,
      input.referenceItems.get(reference.id)!,
      slice.current[metric][subgroup],
    );
    const evidence = driftEvidence(
      decision,
      baselineEvidence(reference, choice.otherVersion, input.baselinePolicy),
      currentEvidence(slice, key, decision.n.current),
      await context(slice, metric, worst),
    );
    const title = alertTitle({
      type: 'drift',
      metric,
      subgroup,
      sliceName: sliceName(slice),
      from: reference.value,
      to: slice.metricRows.get(key)?.value ?? decision.currentValue,
    });
    observe(slice, 'drift', metric, subgroup, {
      severity: severityFor(decision.delta, alertPolicy.severity),
      title,
      evidence,
    });
  }

  for (const gap of gaps) {
    const { slice } = gap;
    if (gap.verdict !== 'beyond_tolerance') {
      observe(slice, 'fairness_gap', gap.metric, 'all', null);
      continue;
    }
    const definition = byName.get(gap.base)!;
    const worstGroup = slice.current[gap.base][`${gap.attribute}=${gap.worst.value}`];
    const worst = worstItems(definition, { value: gap.best.metric }, worstGroup);
    const current = currentEvidence(slice, cellKey(gap.metric, 'all'), gap.worst.n + gap.best.n);
    const evidence = fairnessEvidence(gap, current, await context(slice, gap.metric, worst));
    const title = alertTitle({
      type: 'fairness_gap',
      metric: gap.metric,
      subgroup: 'all',
      sliceName: sliceName(slice),
      from: gap.tolerance,
      to: gap.gap,
    });
    observe(slice, 'fairness_gap', gap.metric, 'all', {
      severity: severityFor(gap.gap - gap.tolerance, alertPolicy.severity),
      title,
      evidence,
    });
  }

  const cusum = new Map<string, CusumState>();
  for (const slice of input.slices) {
    for (const [key, choice] of slice.choices) {
      const reference = choice.reference;
      const referenceItems = reference && input.referenceItems.get(reference.id);
      const [metric, subgroup] = splitKey(key);
      const definition = byName.get(metric)!;
      const items = slice.current[metric]?.[subgroup];
      if (!reference || !referenceItems || !items || reference.value === null) continue;
      const step = stepBaselineCusum({
        metric: definition,
        baselineItems: referenceItems,
        baselineValue: reference.value,
        runValues: reference.runValues,
        state: reference.cusum,
        currentItems: items,
        minEffect: alertPolicy.minEffect,
      });
      if (!step) continue;
      // A change the drift test already reported is one alert, not two: the CUSUM starts over,
      // so that it keeps watching for slow drift rather than re-reporting this jump for runs.
      if (drifted.has(`${slice.slice.id}|${key}`)) {
        cusum.set(reference.id, { ...step.state, s: 0, run: 0 });
        continue;
      }
      cusum.set(reference.id, step.state);
      if (!step.alarm) {
        observe(slice, 'cusum', metric, subgroup, null);
        continue;
      }
      drifted.add(`${slice.slice.id}|${key}`);
      const worst = worstItems(definition, referenceItems, items);
      const evidence = cusumEvidence(
        metric,
        subgroup,
        step,
        baselineEvidence(reference, choice.otherVersion, input.baselinePolicy),
        currentEvidence(slice, key, Object.keys(items).length),
        await context(slice, metric, worst),
      );
      const title = alertTitle({
        type: 'cusum',
        metric,
        subgroup,
        sliceName: sliceName(slice),
        from: reference.value,
        to: step.state.x,
      });
      observe(slice, 'cusum', metric, subgroup, {
        severity: severityFor(step.shift, alertPolicy.severity),
        title,
        evidence,
      });
    }
  }
  return { observations, drifted, cusum };
}

function splitKey(key: string): [string, string] {
  // Metric names never hold '|'; subgroup values (customer attributes) might.
  const at = key.indexOf('|');
  return [key.slice(0, at), key.slice(at + 1)];
}

function baselineEvidence(
  reference: BaselineRecord,
  otherVersion: boolean,
  policy: BaselinePolicy,
): BaselineEvidence {
  return {
    value: reference.value,
    interval: interval(reference),
    runIds: reference.runIds,
    versionKey: reference.versionKey,
    policy: policy.kind,
    pinned: reference.pinned,
    otherVersion,
  };
}

function currentEvidence(slice: SliceState, key: string, n: number): CurrentEvidence {
  const row = slice.metricRows.get(key);
  return { value: row?.value ?? null, interval: interval(row), n: row?.n ?? n };
}
