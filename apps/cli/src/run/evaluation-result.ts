import { itemClusters, itemValuesFor, type ItemValueSet } from '@lastmile/monitoring';
import type { Run, Stores } from '@lastmile/persistence';
import { metricUnit, type MetricDefinition, type MetricUnit } from '@lastmile/scenarios';
import type { RegisteredEvaluation } from './register-evaluation';

export interface MetricRow {
  name: string;
  slice: string;
  subgroup: string;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
  /** What the number measures: a rate (a fraction, shown as a percent), a count, a score… */
  unit: MetricUnit;
}

/** What `--json` prints and `--out` writes; `items` is what a later `--baseline` pairs against. */
export interface EvaluationResult {
  run: Pick<Run, 'id' | 'status' | 'total' | 'done' | 'errors' | 'provenance' | 'errorSummary'> & {
    startedAt: Date | null;
    finishedAt: Date | null;
  };
  scenario: { kind: string; version: string };
  metrics: MetricRow[];
  items: ItemValueSet;
  /** Each item's cluster (`speaker=…`) when items carry one: `--baseline` resamples whole clusters. */
  clusters: Record<string, string>;
}

export function selectedMetrics(all: MetricDefinition[], wanted?: string[]): MetricDefinition[] {
  return wanted ? all.filter((metric) => wanted.includes(metric.name)) : all;
}

export async function collectResult(
  stores: Stores,
  evaluation: RegisteredEvaluation,
  wanted?: string[],
): Promise<EvaluationResult> {
  const run = await stores.runs.find(evaluation.run.id);
  if (!run) throw new Error(`run ${evaluation.run.id} disappeared`);
  const metricRows = await stores.metrics.ofRun(run.id);
  const sliceNames = new Map(
    (await stores.slices.byIds([...new Set(metricRows.map((m) => m.sliceId))])).map((s) => [
      s.id,
      s.name,
    ]),
  );
  const keep = (name: string) =>
    !wanted ||
    wanted.some((w) => name === w || name.startsWith(`${w}_gap`) || name.startsWith(`${w}:`));
  const all = evaluation.kind.metrics(evaluation.scenarioConfig);
  const units = new Map(all.map((m) => [m.name, metricUnit(m)]));
  const definitions = selectedMetrics(all, wanted);
  const sliceIds = [...new Set(run.provenance ? Object.keys(run.provenance.sliceHashes) : [])];
  const instances = (
    await Promise.all(sliceIds.map((id) => stores.results.scoredInstances(run.id, id)))
  ).flat();
  return {
    run: {
      id: run.id,
      status: run.status,
      total: run.total,
      done: run.done,
      errors: run.errors,
      provenance: run.provenance,
      errorSummary: run.errorSummary,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
    },
    scenario: { kind: evaluation.kind.kind, version: evaluation.kind.version },
    metrics: metricRows
      .filter((m) => keep(m.name))
      .map((m) => ({
        name: m.name,
        slice: sliceNames.get(m.sliceId) ?? m.sliceId,
        subgroup: m.subgroup,
        value: m.value,
        ciLow: m.ciLow,
        ciHigh: m.ciHigh,
        n: m.n,
        unit: units.get(m.name) ?? 'rate',
      })),
    items: itemValuesFor(definitions, instances),
    clusters: Object.fromEntries(itemClusters(instances)),
  };
}
