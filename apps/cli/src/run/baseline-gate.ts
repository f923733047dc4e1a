import { readFileSync } from 'node:fs';
import { evaluateDrift, itemValueSetOf, type DriftFinding } from '@lastmile/monitoring';
import type { MetricDefinition } from '@lastmile/scenarios';
import { ConfigFileError } from './eval-config';
import type { EvaluationResult } from './evaluation-result';

export function readBaselineFile(path: string): EvaluationResult {
  let parsed: EvaluationResult;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigFileError(`--baseline ${path}: ${(error as Error).message}`);
  }
  if (!parsed?.items || typeof parsed.items !== 'object') {
    throw new ConfigFileError(
      `--baseline ${path}: not a result file of \`lastmile run --out\` (no per-item stats)`,
    );
  }
  try {
    return { ...parsed, items: itemValueSetOf(keyedItems(parsed.items)) };
  } catch (error) {
    throw new ConfigFileError(`--baseline ${path}: ${(error as Error).message}`);
  }
}

/** The file's items in their keyed JSON form, every value checked: { metric: { subgroup: { id: { num, den } } } }. */
function keyedItems(items: unknown): Parameters<typeof itemValueSetOf>[0] {
  const isObject = (x: unknown): x is Record<string, unknown> =>
    typeof x === 'object' && x !== null && !Array.isArray(x);
  if (!isObject(items)) throw new Error('items must be an object');
  for (const [metric, subgroups] of Object.entries(items)) {
    if (!isObject(subgroups)) throw new Error(`items.${metric} must be an object`);
    for (const [subgroup, values] of Object.entries(subgroups)) {
      if (!isObject(values)) throw new Error(`items.${metric}.${subgroup} must be an object`);
      for (const [id, value] of Object.entries(values))
        if (!isObject(value) || !Number.isFinite(value.num) || !Number.isFinite(value.den))
          throw new Error(`items.${metric}.${subgroup}.${id} must be { num, den } numbers`);
    }
  }
  return items as Parameters<typeof itemValueSetOf>[0];
}

/** The release gate: the monitor's own drift decision against a previous result file. */
export function gateAgainstBaseline(
  metrics: MetricDefinition[],
  baseline: EvaluationResult,
  current: EvaluationResult,
  options: { alpha: number; minEffect: number; seed: number },
): DriftFinding[] {
  // Speakers (sessions) of this run are the resampling units, as in the scheduled monitor.
  const clusters = new Map(Object.entries(current.clusters));
  return evaluateDrift({
    metrics,
    baseline: baseline.items,
    current: current.items,
    ...options,
    ...(clusters.size > 0 ? { clusterOf: (itemId: string) => clusters.get(itemId) } : {}),
  });
}
