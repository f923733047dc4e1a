import { higherSeverity, severityRank, type AlertSeverity } from '../drift/severity';

export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

/** Events that reach people; repeats ('seen') and clean runs do not. */
export type NotifiedEvent = 'opened' | 'escalated' | 'reopened' | 'acknowledged' | 'resolved';

export interface AlertSnapshot {
  status: AlertStatus;
  severity: AlertSeverity;
  cleanRuns: number;
}

export type Observation = { kind: 'finding'; severity: AlertSeverity } | { kind: 'clean' };

export type AlertTransition =
  | { action: 'open'; severity: AlertSeverity; notify: 'opened' }
  | { action: 'reopen'; severity: AlertSeverity; notify: 'reopened' }
  | { action: 'seen'; severity: AlertSeverity; notify: 'escalated' | null }
  | { action: 'clean'; cleanRuns: number; notify: null }
  | { action: 'resolve'; cleanRuns: number; notify: 'resolved' }
  | { action: 'none'; notify: null };

/**
 * What one run's observation does to the latest alert of its dedup key (null: none yet).
 * A finding opens an alert, reopens a resolved one (the same row: its history stays in one
 * place), or marks an open one seen again — escalating, and notifying, only when the severity
 * rises (severity never falls within an episode). A clean run counts towards auto-resolve after
 * `autoResolveAfter` consecutive clean runs; a finding resets that count.
 */
export function alertTransition(
  latest: AlertSnapshot | null,
  observation: Observation,
  autoResolveAfter: number,
): AlertTransition {
  if (observation.kind === 'finding') {
    if (!latest) return { action: 'open', severity: observation.severity, notify: 'opened' };
    if (latest.status === 'resolved')
      return { action: 'reopen', severity: observation.severity, notify: 'reopened' };
    const severity = higherSeverity(latest.severity, observation.severity);
    const escalated = severityRank(severity) > severityRank(latest.severity);
    return { action: 'seen', severity, notify: escalated ? 'escalated' : null };
  }
  if (!latest || latest.status === 'resolved') return { action: 'none', notify: null };
  const cleanRuns = latest.cleanRuns + 1;
  if (cleanRuns >= autoResolveAfter) return { action: 'resolve', cleanRuns, notify: 'resolved' };
  return { action: 'clean', cleanRuns, notify: null };
}
