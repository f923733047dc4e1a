import type { RunFindingRow, RunMonitoring } from '@lastmile/persistence';
import type { MetricUnit } from '@lastmile/scenarios';
import type { ReportFinding, ReportIncident, ReportUnderpowered } from './report-data';

const number = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

type Side = { value?: unknown; valueOnTestedItems?: unknown } | undefined;

/**
 * Baseline → now as the test saw them: on the items it tested (a paired test compares only the
 * items both sides hold), with their number; a disparity: its hurt group's.
 */
function tested(evidence: Record<string, unknown>): Pick<ReportFinding, 'from' | 'to' | 'n'> {
  const groups = evidence.groups as
    { group: string; n?: unknown; baseline?: Side; current?: Side }[] | undefined;
  const hurt = Array.isArray(groups)
    ? groups.find((g) => g.group === evidence.hurtGroup)
    : undefined;
  if (hurt)
    return {
      from: number(hurt.baseline?.value),
      to: number(hurt.current?.value),
      n: number(hurt.n),
    };
  const baseline = evidence.baseline as Side;
  const current = evidence.current as Side;
  const n = evidence.n as { current?: unknown } | undefined;
  return {
    from: number(baseline?.valueOnTestedItems ?? baseline?.value),
    to: number(current?.valueOnTestedItems ?? current?.value),
    n: number(n?.current),
  };
}

/**
 * Every incident the run touched (from its monitoring summary), each with the findings this run
 * raised in it; an incident holding a finding of the run that the summary lacks is kept too.
 */
export function reportIncidents(
  monitoring: RunMonitoring | null,
  findings: readonly RunFindingRow[],
  unitOf: (metric: string) => MetricUnit,
): ReportIncident[] {
  const byAlert = new Map<string, RunFindingRow[]>();
  for (const f of findings) byAlert.set(f.alertId, [...(byAlert.get(f.alertId) ?? []), f]);
  const summary = (monitoring?.incidents ?? []).filter((i) => i.action !== 'clean');
  const incidents: ReportIncident[] = summary.map((i) => {
    const rows = byAlert.get(i.id) ?? [];
    return {
      id: i.id,
      type: i.type,
      action: i.action,
      severity: i.severity,
      status: rows[0]?.incidentStatus ?? null,
      title: rows[0]?.incidentTitle ?? null,
      findings: rows.map((f) => finding(f, unitOf)),
    };
  });
  const listed = new Set(incidents.map((i) => i.id));
  for (const [id, rows] of byAlert)
    if (!listed.has(id))
      incidents.push({
        id,
        type: rows[0].incidentType,
        action: 'raised',
        severity: rows[0].incidentSeverity,
        status: rows[0].incidentStatus,
        title: rows[0].incidentTitle,
        findings: rows.map((f) => finding(f, unitOf)),
      });
  return incidents;
}

function finding(row: RunFindingRow, unitOf: (metric: string) => MetricUnit): ReportFinding {
  return {
    kind: row.kind,
    metric: row.metric,
    subgroup: row.subgroup,
    severity: row.severity,
    title: row.title,
    test: row.test,
    pValue: row.pValue,
    qValue: row.qValue,
    effect: row.effect,
    unit: unitOf(row.metric),
    ...tested(row.evidence ?? {}),
  };
}

/** The run's tests short of power (or too small to run), with the slice's name and the unit. */
export function reportUnderpowered(
  monitoring: RunMonitoring | null,
  sliceName: (id: string) => string,
  unitOf: (metric: string) => MetricUnit,
): ReportUnderpowered[] {
  return (monitoring?.underpowered ?? []).map((u) => ({
    slice: sliceName(u.sliceId),
    kind: u.kind,
    metric: u.metric,
    subgroup: u.subgroup,
    n: u.n,
    mde: u.mde,
    status: u.status,
    unit: unitOf(u.metric),
  }));
}
