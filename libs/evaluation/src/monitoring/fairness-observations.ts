import {
  alertTitle,
  decideFairnessGaps,
  decideFairnessMagnitudes,
  fairnessMagnitudeEvidence,
  fairnessEvidence,
  fairnessGapTests,
  severityFor,
  worstItems,
} from '@lastmile/monitoring';
import { sliceLabel, splitCellKey, type AssessmentContext } from './assessment-context';
import { cellKey } from './slice-state';

/** Gaps across groups beyond plan.alertPolicy.fairnessTolerance (when set), BH across the run. */
export async function observeFairnessGaps(context: AssessmentContext): Promise<void> {
  const { input } = context;
  const tolerance = input.alertPolicy.fairnessTolerance;
  if (tolerance === undefined) return;
  const tests = input.slices.flatMap((slice) =>
    fairnessGapTests({
      metrics: input.metrics,
      current: slice.current,
      tolerance,
      seed: input.seed,
    }).map((test) => ({ ...test, slice })),
  );
  for (const gap of decideFairnessGaps(tests, input.alertPolicy.alpha)) {
    const { slice } = gap;
    if (gap.verdict !== 'beyond_tolerance') {
      context.observe(slice, 'fairness_gap', gap.metric, 'all', null);
      continue;
    }
    const worstGroup = slice.current[gap.base][`${gap.attribute}=${gap.worst.value}`];
    const worst = worstItems(context.definition(gap.base), { value: gap.best.metric }, worstGroup);
    const current = context.currentEvidence(
      slice,
      cellKey(gap.metric, 'all'),
      gap.worst.n + gap.best.n,
    );
    const evidence = fairnessEvidence(
      gap,
      current,
      await context.evidenceContext(slice, gap.metric, worst),
    );
    const title = alertTitle({
      type: 'fairness_gap',
      metric: gap.metric,
      subgroup: 'all',
      sliceName: sliceLabel(slice),
      from: gap.tolerance,
      to: gap.gap,
    });
    context.observe(slice, 'fairness_gap', gap.metric, 'all', {
      severity: severityFor(gap.gap - gap.tolerance, input.alertPolicy.severity),
      title,
      evidence,
      test: gap.test,
      pValue: gap.pValue,
      qValue: gap.qValue,
      effect: gap.gap,
    });
  }
}

/**
 * Run-level fairness magnitudes (pronoun skew, counterfactual gap) of every slice against
 * plan.alertPolicy.fairnessTolerance (when set), BH across the run's magnitudes.
 */
export async function observeFairnessMagnitudes(context: AssessmentContext): Promise<void> {
  const { input } = context;
  const tolerance = input.alertPolicy.fairnessTolerance;
  if (tolerance === undefined) return;
  const rows = input.slices.flatMap((slice) =>
    [...slice.metricRows].map(([key, row]) => {
      const [name, subgroup] = splitCellKey(key);
      return { slice, name, subgroup, ...row };
    }),
  );
  for (const decision of decideFairnessMagnitudes(
    input.metrics,
    rows,
    tolerance,
    input.alertPolicy.alpha,
  )) {
    const { slice } = decision.row;
    if (decision.verdict !== 'beyond_tolerance') {
      context.observe(slice, 'fairness_gap', decision.metric, decision.subgroup, null);
      continue;
    }
    const evidence = fairnessMagnitudeEvidence(
      decision,
      await context.evidenceContext(slice, decision.metric, []),
    );
    const title = alertTitle({
      type: 'fairness_gap',
      metric: decision.metric,
      subgroup: decision.subgroup,
      sliceName: sliceLabel(slice),
      from: tolerance,
      to: decision.value,
    });
    context.observe(slice, 'fairness_gap', decision.metric, decision.subgroup, {
      severity: severityFor(decision.value - tolerance, input.alertPolicy.severity),
      title,
      evidence,
      test: decision.test,
      pValue: decision.pValue,
      qValue: decision.qValue,
      effect: decision.value,
    });
  }
}
