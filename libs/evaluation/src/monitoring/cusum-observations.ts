import {
  alertTitle,
  cusumEvidence,
  driftKindOf,
  effectScale,
  orientedDefinition,
  restartedCusum,
  severityFor,
  stepBaselineCusum,
  worstItems,
  type CusumState,
} from '@lastmile/monitoring';
import {
  judgeInWords,
  sliceLabel,
  splitCellKey,
  type AssessmentContext,
} from './assessment-context';

/**
 * One CUSUM step per compared baseline; returns the new states by baseline id. A change the
 * drift test already reported is one alert, not two: there the CUSUM starts over, so it keeps
 * watching for slow drift instead of re-reporting the same jump for runs.
 */
export async function observeCusum(context: AssessmentContext): Promise<Map<string, CusumState>> {
  const { input } = context;
  const states = new Map<string, CusumState>();
  for (const slice of input.slices) {
    for (const [key, choice] of slice.choices) {
      const reference = choice.reference;
      const baselineItems = reference && input.referenceItems.get(reference.id);
      const [metric, subgroup] = splitCellKey(key);
      const currentItems = slice.current[metric]?.[subgroup];
      if (!reference || !baselineItems || !currentItems || reference.value === null) continue;
      const definition = context.definition(metric);
      const step = stepBaselineCusum({
        metric: definition,
        baselineItems,
        baselineValue: reference.value,
        runValues: reference.runValues,
        state: reference.cusum,
        currentItems,
        minEffect: input.alertPolicy.minEffect,
      });
      if (!step) continue;
      const driftKey = `${slice.slice.id}|${key}`;
      if (context.drifted.has(driftKey)) {
        states.set(reference.id, restartedCusum(step.state));
        continue;
      }
      states.set(reference.id, step.state);
      const kind = driftKindOf(definition, 'cusum');
      if (!step.alarm) {
        context.observe(slice, kind, metric, subgroup, null);
        continue;
      }
      context.drifted.add(driftKey);
      const worst = worstItems(
        orientedDefinition(definition, reference.value, step.state.x),
        baselineItems,
        currentItems,
      );
      const evidence = cusumEvidence(
        metric,
        subgroup,
        step,
        context.baselineEvidence(reference, choice.otherVersion),
        context.currentEvidence(slice, key, currentItems.size),
        await context.evidenceContext(slice, metric, worst),
      );
      const judge = kind === 'judge_drift' ? context.judge() : null;
      const title = alertTitle({
        type: kind === 'judge_drift' ? 'judge_drift' : 'cusum',
        metric,
        subgroup,
        sliceName: sliceLabel(slice),
        from: reference.value,
        to: step.state.x,
        judge: judgeInWords(judge),
      });
      context.observe(slice, kind, metric, subgroup, {
        severity: severityFor(
          step.shift / effectScale(definition, reference.value),
          input.alertPolicy.severity,
        ),
        title,
        evidence: judge ? { ...evidence, judge } : evidence,
        test: 'cusum',
        effect: Math.abs(step.shift),
      });
    }
  }
  return states;
}
