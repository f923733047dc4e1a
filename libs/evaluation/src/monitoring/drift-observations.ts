import {
  alertTitle,
  decideRunDrift,
  driftEvidence,
  driftTests,
  driftKindOf,
  effectScale,
  alignItems,
  orientedDefinition,
  severityFor,
  worstItems,
  type DriftTest,
  type ItemValueSet,
  type ItemValues,
  type SkippedTest,
} from '@lastmile/monitoring';
import {
  judgeInWords,
  sliceLabel,
  splitCellKey,
  type AssessmentContext,
} from './assessment-context';
import { cellKey, clusterOf, type SliceState } from './slice-state';

export type SliceDriftTest = DriftTest & { slice: SliceState };

/** The baselines of one slice as the drift test reads them: item values and per-run values. */
function references(context: AssessmentContext, slice: SliceState) {
  const baseline: ItemValueSet = {};
  const runSpread: Record<string, number[]> = {};
  for (const [key, choice] of slice.choices) {
    const items = choice.reference && context.input.referenceItems.get(choice.reference.id);
    if (!items) continue;
    const [metric, subgroup] = splitCellKey(key);
    (baseline[metric] ??= {})[subgroup] = items;
    runSpread[key] = choice.reference!.runValues;
  }
  return { baseline, runSpread };
}

/**
 * Every slice's drift tests (small subgroups with a test valid at small n, clustered by speaker);
 * subgroups too small to test and tests short of power go to the run's monitoring summary.
 */
export function driftTestsOf(context: AssessmentContext): SliceDriftTest[] {
  const { input } = context;
  return input.slices.flatMap((slice) => {
    const skipped: SkippedTest[] = [];
    const tests = driftTests({
      metrics: input.metrics,
      current: slice.current,
      ...references(context, slice),
      minEffect: input.alertPolicy.minEffect,
      alpha: input.alertPolicy.alpha,
      seed: input.seed,
      // Speakers (sessions) are the resampling units where items carry them.
      clusterOf: slice.clusters.size > 0 ? (itemId) => clusterOf(slice, itemId) : undefined,
      skipped,
    });
    for (const test of [...tests.filter((t) => t.status !== 'tested'), ...skipped])
      context.underpowered.push({
        kind: 'drift',
        sliceId: slice.slice.id,
        metric: test.metric,
        subgroup: test.subgroup,
        n: 'n' in test && typeof test.n === 'number' ? test.n : (test as DriftTest).n.current,
        mde: Number.isFinite(test.mde) ? test.mde : null,
        status: test.status,
      });
    return tests.map((test) => ({ ...test, slice }));
  });
}

/** An observation per drift test, decided on q-values adjusted with the run's other tests. */
export async function observeDrift(
  context: AssessmentContext,
  tests: readonly SliceDriftTest[],
  qValues: readonly number[],
): Promise<void> {
  const { input } = context;
  const decisions = decideRunDrift(tests, { ...input.alertPolicy, qValues });
  // Worst items first, so their details come in one query rather than one per finding.
  const worstOf = new Map(
    decisions.flatMap((decision) =>
      decision.verdict === 'worse' ? [[decision, worstOfDecision(context, decision)] as const] : [],
    ),
  );
  await context.prefetchItemDetails(
    [...worstOf].map(([decision, worst]) => ({ slice: decision.slice, worst })),
  );
  for (const decision of decisions) {
    const { slice, metric, subgroup } = decision;
    const key = cellKey(metric, subgroup);
    // A label-free signal's change is a condition, found before anyone transcribes a word; a
    // judge's agreement with people is the judge's drift, not the model's.
    const kind = driftKindOf(context.definition(metric), 'drift');
    if (decision.verdict !== 'worse') {
      context.observe(slice, kind, metric, subgroup, null);
      continue;
    }
    context.drifted.add(`${slice.slice.id}|${key}`);
    const choice = slice.choices.get(key)!;
    const reference = choice.reference!;
    const definition = context.definition(metric);
    const worst = worstOf.get(decision)!;
    const evidence = driftEvidence(
      decision,
      context.baselineEvidence(reference, choice.otherVersion),
      context.currentEvidence(slice, key, decision.n.current),
      await context.evidenceContext(slice, metric, worst),
    );
    const to = slice.metricRows.get(key)?.value ?? decision.currentValue;
    const judge =
      kind === 'judge_drift'
        ? {
            ...context.judge(),
            // Per calibration item: did it agree with people then, and now?
            calibration: pairedChanges(
              input.referenceItems.get(reference.id)!,
              slice.current[metric][subgroup],
              context.definition(metric).direction === 'higher_is_better' ? 1 : -1,
            ),
          }
        : null;
    const title = alertTitle({
      type: kind,
      metric,
      subgroup,
      sliceName: sliceLabel(slice),
      from: reference.value,
      to,
      judge: judge && judgeInWords(context.judge()),
    });
    context.observe(slice, kind, metric, subgroup, {
      // Severity thresholds are written for rates: a signal's change is read in the same scale.
      severity: severityFor(
        decision.delta / effectScale(definition, reference.value),
        input.alertPolicy.severity,
      ),
      title,
      evidence: judge ? { ...evidence, judge } : evidence,
      test: decision.test,
      pValue: decision.pWorse,
      qValue: decision.qValue,
      effect: Math.abs(decision.delta),
    });
  }
}

/** A two-sided signal's worst items are those that moved the way the group did. */
function worstOfDecision(
  context: AssessmentContext,
  decision: { slice: SliceState; metric: string; subgroup: string } & Pick<
    SliceDriftTest,
    'baselineValue' | 'currentValue'
  >,
) {
  const { slice, metric, subgroup } = decision;
  const reference = slice.choices.get(cellKey(metric, subgroup))!.reference!;
  return worstItems(
    orientedDefinition(context.definition(metric), decision.baselineValue, decision.currentValue),
    context.input.referenceItems.get(reference.id)!,
    slice.current[metric][subgroup],
  );
}

/** Calibration items scored in both runs, and how many got worse or better (`better`: +1 up). */
function pairedChanges(
  baseline: ItemValues,
  current: ItemValues,
  better: 1 | -1,
): { paired: number; worse: number; better: number } {
  const counts = { paired: 0, worse: 0, better: 0 };
  const aligned = alignItems(current, baseline);
  for (let k = 0; k < aligned.current.length; k++) {
    counts.paired += 1;
    const change =
      better * (current.shareAt(aligned.current[k]) - baseline.shareAt(aligned.baseline[k]));
    if (change < 0) counts.worse += 1;
    if (change > 0) counts.better += 1;
  }
  return counts;
}
