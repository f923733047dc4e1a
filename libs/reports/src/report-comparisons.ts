import { isItemLevelAlertable, requiredRuns, type BaselinePolicyInput } from '@lastmile/monitoring';
import type { Metric, RunComparison, RunMonitoring } from '@lastmile/persistence';
import { hasNoBetterSide, metricUnit, type MetricDefinition } from '@lastmile/scenarios';
import type { ReportComparison } from './report-data';

export interface ComparisonInput {
  run: { id: string; status: string; planId: string | null; monitoring: RunMonitoring | null };
  baselinePolicy: BaselinePolicyInput | null;
  /** What drift monitoring recorded it compared the run with (BaselinesStore.comparisonsOfRun). */
  comparisons: readonly RunComparison[];
  metrics: readonly Pick<
    Metric,
    'sliceId' | 'name' | 'subgroup' | 'value' | 'ciLow' | 'ciHigh' | 'n'
  >[];
  definitions: readonly MetricDefinition[];
  findings: readonly { sliceId: string | null; kind: string; metric: string; subgroup: string }[];
  sliceName: (id: string) => string;
}

const key = (sliceId: string, metric: string, subgroup: string) =>
  `${sliceId}\u0000${metric}\u0000${subgroup}`;

/**
 * The run against the baselines the monitor chose for it (a pin, its version's, an earlier
 * version's), never one that holds the run itself; in the kind's metric order, 'all' first.
 */
export function reportComparisons(input: ComparisonInput): {
  rows: ReportComparison[];
  notes: string[];
} {
  const definitions = new Map(input.definitions.map((d, i) => [d.name, { d, i }]));
  const metrics = new Map(input.metrics.map((m) => [key(m.sliceId, m.name, m.subgroup), m]));
  const findings = new Map<string, string[]>();
  for (const f of input.findings) {
    if (!f.sliceId) continue;
    const k = key(f.sliceId, f.metric, f.subgroup);
    findings.set(k, [...new Set([...(findings.get(k) ?? []), f.kind])].sort());
  }
  const own = input.comparisons.filter((c) => c.runIds.includes(input.run.id));
  const rows = input.comparisons
    .filter((c) => !c.runIds.includes(input.run.id))
    .sort(
      (a, b) =>
        input.sliceName(a.sliceId).localeCompare(input.sliceName(b.sliceId)) ||
        (definitions.get(a.metric)?.i ?? 1e9) - (definitions.get(b.metric)?.i ?? 1e9) ||
        Number(b.subgroup === 'all') - Number(a.subgroup === 'all') ||
        a.subgroup.localeCompare(b.subgroup),
    )
    .map((c): ReportComparison => {
      const definition = definitions.get(c.metric)?.d;
      const current = metrics.get(key(c.sliceId, c.metric, c.subgroup));
      return {
        slice: input.sliceName(c.sliceId),
        name: c.metric,
        subgroup: c.subgroup,
        unit: metricUnit(definition),
        direction: definition?.direction,
        // No better side (descriptive, or a two-sided signal): its change is not coloured.
        descriptive: hasNoBetterSide(definition),
        baseline: {
          slice: input.sliceName(c.baselineSliceId),
          value: c.value,
          ciLow: c.ciLow,
          ciHigh: c.ciHigh,
          runIds: c.runIds,
          policy: c.policy,
          pinned: c.pinned,
          otherVersion: c.otherVersion,
        },
        current: current
          ? { value: current.value, ciLow: current.ciLow, ciHigh: current.ciHigh, n: current.n }
          : null,
        findings: findings.get(key(c.sliceId, c.metric, c.subgroup)) ?? [],
      };
    });
  const notes = rows.length === 0 ? [whyNoBaseline(input)] : uncompared(input);
  if (own.length)
    notes.push(
      `${own.length} comparisons left out: their baseline already held this run, and a run is never compared with itself.`,
    );
  return { rows, notes };
}

function whyNoBaseline(input: ComparisonInput): string {
  const { run } = input;
  const monitoring = run.monitoring;
  if (!run.planId) return 'No baseline: this run belongs to no plan, so it was compared with none.';
  if (!monitoring || monitoring.status === 'pending')
    return 'No comparison yet: drift monitoring of this run has not finished.';
  if (monitoring.status === 'failed')
    return `No comparison: drift monitoring of this run failed (${monitoring.error ?? 'see the logs'}).`;
  if (monitoring.status === 'skipped')
    return 'No baseline: this run was not monitored for drift (an evaluation by `lastmile run`, a cancelled run or a deleted plan), so it was compared with none.';
  if (run.status === 'failed') return 'No baseline: the run failed, so it was compared with none.';
  if (monitoring.comparisons === undefined)
    return 'This run was monitored before reports recorded what each run was compared with; the findings below carry the baselines they were decided against.';
  return `No baseline: the plan had no complete baseline for this run${policyText(input.baselinePolicy)}, so it was compared with none.`;
}

function policyText(policy: BaselinePolicyInput | null): string {
  if (!policy) return '';
  if (policy.kind === 'pinned')
    return ' (the plan compares with a pinned baseline, and none is pinned)';
  const runs = requiredRuns(policy);
  return policy.kind === 'rolling'
    ? ` (a rolling baseline needs ${runs} runs)`
    : ` (the plan's first ${runs} runs of a version build its baseline)`;
}

/** Groups with alertable metrics of which none was compared: no complete baseline for them yet. */
function uncompared(input: ComparisonInput): string[] {
  const compared = new Set(input.comparisons.map((c) => `${c.sliceId}\u0000${c.subgroup}`));
  const alertable = new Set(input.definitions.filter(isItemLevelAlertable).map((d) => d.name));
  const groups = new Set<string>();
  for (const m of input.metrics)
    if (alertable.has(m.name) && !compared.has(`${m.sliceId}\u0000${m.subgroup}`))
      groups.add(m.subgroup);
  if (groups.size === 0) return [];
  return [`Not compared, no complete baseline for them yet: ${[...groups].sort().join(', ')}.`];
}
