import {
  alertTitle,
  decideFairnessGaps,
  fairnessEvidence,
  fairnessGapTests,
  severityFor,
  worstItems,
} from '@lastmile/monitoring';
import { sliceLabel, type AssessmentContext } from './assessment-context';
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
