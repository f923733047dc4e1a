import {
  alertTitle,
  decideRunDrift,
  driftEvidence,
  driftTests,
  severityFor,
  worstItems,
  type ItemValueSet,
} from '@lastmile/monitoring';
import { sliceLabel, splitCellKey, type AssessmentContext } from './assessment-context';
import { cellKey, type SliceState } from './slice-state';

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

/** Every slice's drift tests, one Benjamini–Hochberg step across the run, then an observation each. */
export async function observeDrift(context: AssessmentContext): Promise<void> {
  const { input } = context;
  const tests = input.slices.flatMap((slice) =>
    driftTests({
      metrics: input.metrics,
      current: slice.current,
      ...references(context, slice),
      minEffect: input.alertPolicy.minEffect,
      seed: input.seed,
    }).map((test) => ({ ...test, slice })),
  );
  for (const decision of decideRunDrift(tests, input.alertPolicy)) {
    const { slice, metric, subgroup } = decision;
    const key = cellKey(metric, subgroup);
    if (decision.verdict !== 'worse') {
      context.observe(slice, 'drift', metric, subgroup, null);
      continue;
    }
    context.drifted.add(`${slice.slice.id}|${key}`);
    const choice = slice.choices.get(key)!;
    const reference = choice.reference!;
    const worst = worstItems(
      context.definition(metric),
      input.referenceItems.get(reference.id)!,
      slice.current[metric][subgroup],
    );
    const evidence = driftEvidence(
      decision,
      context.baselineEvidence(reference, choice.otherVersion),
      context.currentEvidence(slice, key, decision.n.current),
      await context.evidenceContext(slice, metric, worst),
    );
    const to = slice.metricRows.get(key)?.value ?? decision.currentValue;
    const title = alertTitle({
      type: 'drift',
      metric,
      subgroup,
      sliceName: sliceLabel(slice),
      from: reference.value,
      to,
    });
    context.observe(slice, 'drift', metric, subgroup, {
      severity: severityFor(decision.delta, input.alertPolicy.severity),
      title,
      evidence,
      test: decision.test,
      pValue: decision.pWorse,
      qValue: decision.qValue,
      effect: Math.abs(decision.delta),
    });
  }
}
