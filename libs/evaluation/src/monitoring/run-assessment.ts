import type { CusumState } from '@lastmile/monitoring';
import type { RunMonitoring } from '@lastmile/persistence';
import type { AlertObservation } from './alert-observation';
import { AssessmentContext, type AssessmentInput } from './assessment-context';
import { observeCusum } from './cusum-observations';
import { benjaminiHochbergQValues } from '@lastmile/metrics';
import { disparityPValues, disparityTests, observeDisparity } from './disparity-observations';
import { driftTestsOf, observeDrift } from './drift-observations';
import { observeFairnessGaps, observeFairnessMagnitudes } from './fairness-observations';

export type { AssessmentInput } from './assessment-context';

export interface Assessment {
  observations: AlertObservation[];
  /** `${sliceId}|${metric}|${subgroup}` that drifted (kept out of a rolling baseline). */
  drifted: Set<string>;
  /** New CUSUM state of each baseline that was stepped, by baseline id. */
  cusum: Map<string, CusumState>;
  /** Tests that ran short of power or not at all, with n and MDE (the run's monitoring summary). */
  underpowered: NonNullable<RunMonitoring['underpowered']>;
}

/**
 * Drift tests of every slice, metric and subgroup against their baselines and disparity tests of
 * every attribute (is one group hurt more than the others?), with one Benjamini–Hochberg step
 * across all of them; fairness gaps across the run, and a CUSUM step per baseline (after drift,
 * which it defers to); each tested key becomes a finding with its evidence, or a clean
 * observation.
 */
export async function assessRun(input: AssessmentInput): Promise<Assessment> {
  const context = new AssessmentContext(input);
  // One family: quality drift, condition signals and disparity contrasts (BH controls the false
  // discovery rate over all of them, as the run's findings are read together).
  const drift = driftTestsOf(context);
  const disparity = disparityTests(context);
  const q = benjaminiHochbergQValues([
    ...drift.map((t) => t.pWorse),
    ...disparityPValues(disparity),
  ]);
  await observeDrift(context, drift, q.slice(0, drift.length));
  await observeDisparity(context, disparity, q.slice(drift.length));
  await observeFairnessGaps(context);
  await observeFairnessMagnitudes(context);
  const cusum = await observeCusum(context);
  return {
    observations: context.observations,
    drifted: context.drifted,
    cusum,
    underpowered: context.underpowered,
  };
}
