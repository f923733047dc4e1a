import { itemValuesFor, type ItemValueSet } from '@lastmile/monitoring';
import type { ResultsStore } from '@lastmile/persistence';
import type { MetricDefinition } from '@lastmile/scenarios';

/** Item values of one run on one slice: the same reduction the CLI gate applies to its own results. */
export async function loadRunItemValues(
  results: Pick<ResultsStore, 'scoredInstances'>,
  runId: string,
  sliceId: string,
  metrics: readonly MetricDefinition[],
): Promise<ItemValueSet> {
  return itemValuesFor(metrics, await results.scoredInstances(runId, sliceId));
}
