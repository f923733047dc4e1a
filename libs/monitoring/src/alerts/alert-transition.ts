import { higherSeverity, severityRank, type AlertSeverity } from '../drift/severity';

export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

/** Events that reach people; repeats ('seen') and clean runs do not. */
export type NotifiedEvent = 'opened' | 'escalated' | 'reopened' | 'acknowledged' | 'resolved';

export interface AlertSnapshot {
  status: AlertStatus;
  severity: AlertSeverity;
  cleanRuns: number;
}

/** What happens to an alert: a run's finding or clean test, or a person's acknowledge or resolve. */
export type Observation =
  | { kind: 'finding'; severity: AlertSeverity }
  | { kind: 'clean' }
  | { kind: 'acknowledge' }
  | { kind: 'resolve' };

export type AlertTransition =
  | { action: 'open'; severity: AlertSeverity; notify: 'opened' }
  | { action: 'reopen'; severity: AlertSeverity; notify: 'reopened' }
  | { action: 'seen'; severity: AlertSeverity; notify: 'escalated' | null }
  | { action: 'clean'; cleanRuns: number; notify: null }
  | { action: 'resolve'; cleanRuns: number; notify: 'resolved' }
  | { action: 'acknowledge'; notify: 'acknowledged' }
  | { action: 'refuse'; reason: string; notify: null }
  | { action: 'none'; notify: null };

/**
 * The alert lifecycle, every transition in one place: what a run's observation, or a person's
 * acknowledge or resolve, does to the latest alert of its dedup key (null: none yet).
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
  // A person acts on an alert they can see: only an open one can be acknowledged, and any but a
  // resolved one resolved (which clears its clean-run count, as a fresh start).
  if (observation.kind === 'acknowledge') {
    if (latest?.status !== 'open')
      return {
        action: 'refuse',
        reason: `the alert is ${latest?.status ?? 'missing'}: only an open alert can be acknowledged`,
        notify: null,
      };
    return { action: 'acknowledge', notify: 'acknowledged' };
  }
  if (observation.kind === 'resolve') {
    if (!latest || latest.status === 'resolved')
      return { action: 'refuse', reason: 'the alert is already resolved', notify: null };
    return { action: 'resolve', cleanRuns: 0, notify: 'resolved' };
  }
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
