import { severityRank, type AlertSeverity } from '../drift/severity';

/** What a single test found (or the kind of test that found nothing). */
export type FindingKind =
  | 'drift'
  | 'cusum'
  | 'fairness_gap'
  | 'disparity_drift'
  | 'condition_drift'
  | 'judge_drift'
  | 'health';

/** An incident's cause: CUSUM's slow drift is quality drift like a sudden one. */
export type IncidentType = Exclude<FindingKind, 'cusum'>;

export function incidentTypeOf(kind: FindingKind): IncidentType {
  return kind === 'cusum' ? 'drift' : kind;
}

export interface IncidentKeyParts {
  type: IncidentType;
  planId: string;
  /** Null for health incidents: they are about the plan's runs, not a slice. */
  sliceId: string | null;
}

/**
 * One open incident per key: `type:plan:slice` (health: `health:plan`). Metrics and subgroups
 * are findings inside it, so WER, CER and deletions moving together on one slice page once. The
 * same key goes to PagerDuty as dedup_key.
 */
export function incidentDedupKey(parts: IncidentKeyParts): string {
  return parts.type === 'health'
    ? `health:${parts.planId}`
    : `${parts.type}:${parts.planId}:${parts.sliceId ?? '-'}`;
}

/** One finding: a metric × subgroup × test that came out bad in this run. */
export interface FindingDraft {
  kind: FindingKind;
  metric: string;
  subgroup: string;
  severity: AlertSeverity;
  title: string;
  test: string | null;
  pValue: number | null;
  qValue: number | null;
  /** The change, gap or contrast in the metric's units, positive = worse. */
  effect: number | null;
  evidence: Record<string, unknown>;
}

/** One test of a run: a finding, or a clean test (finding null) of the same scope. */
export interface TestObservation {
  kind: FindingKind;
  planId: string;
  sliceId: string | null;
  metric: string;
  subgroup: string;
  finding: FindingDraft | null;
}

/** A run's word on one incident: its ranked findings (none: every test of its scope was clean). */
export interface IncidentObservation {
  parts: IncidentKeyParts;
  dedupKey: string;
  /** Ranked, worst first; empty when the run's tests of this scope were all clean. */
  findings: FindingDraft[];
  /** What the incident row shows: the headline finding, the highest severity, every finding. */
  summary: { severity: AlertSeverity; title: string; evidence: Record<string, unknown> } | null;
}

/** Worst first: severity, then q-value (smaller first), then the size of the effect. */
export function rankFindings(findings: readonly FindingDraft[]): FindingDraft[] {
  return [...findings].sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      (a.qValue ?? 1) - (b.qValue ?? 1) ||
      Math.abs(b.effect ?? 0) - Math.abs(a.effect ?? 0) ||
      a.metric.localeCompare(b.metric) ||
      a.subgroup.localeCompare(b.subgroup),
  );
}

/** A finding as an incident's evidence lists it (its own evidence stays in the findings table). */
export function findingSummary(finding: FindingDraft) {
  const { evidence: _evidence, ...summary } = finding;
  return summary;
}

/**
 * Groups a run's tests into incidents, one per (cause, plan, slice): every finding of one cause
 * on one slice is one incident, ranked; a scope whose tests were all clean is a clean observation
 * (it counts towards auto-resolve). The incident's title and evidence are its headline finding's,
 * with the number and list of the others.
 */
export function groupIntoIncidents(tests: readonly TestObservation[]): IncidentObservation[] {
  const byKey = new Map<string, { parts: IncidentKeyParts; findings: FindingDraft[] }>();
  for (const test of tests) {
    const parts: IncidentKeyParts = {
      type: incidentTypeOf(test.kind),
      planId: test.planId,
      sliceId: test.kind === 'health' ? null : test.sliceId,
    };
    const key = incidentDedupKey(parts);
    const entry = byKey.get(key) ?? { parts, findings: [] };
    if (test.finding) entry.findings.push(test.finding);
    byKey.set(key, entry);
  }
  return [...byKey.entries()].map(([dedupKey, { parts, findings }]) => {
    const ranked = rankFindings(findings);
    const headline = ranked[0];
    return {
      parts,
      dedupKey,
      findings: ranked,
      summary: headline
        ? {
            severity: headline.severity,
            title:
              ranked.length > 1
                ? `${headline.title} (+${ranked.length - 1} more finding${ranked.length > 2 ? 's' : ''})`
                : headline.title,
            evidence: {
              ...headline.evidence,
              findings: ranked.map(findingSummary),
            },
          }
        : null,
    };
  });
}
