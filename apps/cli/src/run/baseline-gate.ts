import { readFileSync } from 'node:fs';
import { evaluateDrift, type DriftFinding } from '@lastmile/monitoring';
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
  return parsed;
}

/** The release gate: the monitor's own drift decision against a previous result file. */
export function gateAgainstBaseline(
  metrics: MetricDefinition[],
  baseline: EvaluationResult,
  current: EvaluationResult,
  options: { alpha: number; minEffect: number; seed: number },
): DriftFinding[] {
  return evaluateDrift({ metrics, baseline: baseline.items, current: current.items, ...options });
}
