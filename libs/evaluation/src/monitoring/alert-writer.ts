import {
  alertTransition,
  groupIntoIncidents,
  type AlertSnapshot,
  type IncidentObservation,
} from '@lastmile/monitoring';
import type { AlertChange, AlertState, Run, Stores } from '@lastmile/persistence';
import type { AlertObservation } from './alert-observation';
import type { PendingNotification } from './notifications';

type RunRef = Pick<Run, 'id' | 'planId' | 'modelId' | 'tenantId'>;

/** What writing a run's observations did to each incident (for the run's monitoring summary). */
export interface IncidentOutcome {
  id: string;
  type: string;
  action: string;
  severity: string;
  findings: number;
}

/**
 * Applies a run's tests to the incidents (inside the caller's transaction, plan lock held): the
 * tests are grouped into one incident per (cause, plan, slice); each is opened, seen again,
 * escalated, auto-resolved or reopened (the same row) as alertTransition says, with this run's
 * ranked findings stored beside it; every change of status or severity and every repeat is an
 * alert event. Returns what to notify once the transaction has committed, and what happened.
 */
export async function writeAlerts(
  stores: Pick<Stores, 'alerts'>,
  run: RunRef,
  observations: readonly AlertObservation[],
  autoResolveAfter: number,
): Promise<{ notify: Omit<PendingNotification, 'channels'>[]; incidents: IncidentOutcome[] }> {
  const incidents = groupIntoIncidents(observations);
  if (incidents.length === 0) return { notify: [], incidents: [] };
  const latest = await stores.alerts.latest(incidents.map((o) => o.dedupKey));
  const byKey = new Map(latest.map((row) => [row.dedupKey, row]));
  const notify: Omit<PendingNotification, 'channels'>[] = [];
  const outcomes: IncidentOutcome[] = [];
  for (const incident of incidents) {
    const current = byKey.get(incident.dedupKey) ?? null;
    const transition = alertTransition(
      current,
      incident.summary
        ? { kind: 'finding', severity: incident.summary.severity }
        : { kind: 'clean' },
      autoResolveAfter,
    );
    const change = changeFor(transition, current, incident, run);
    if (!change) continue;
    const alertId = await stores.alerts.apply(change);
    if (incident.findings.length && ['open', 'reopen', 'seen'].includes(transition.action))
      await stores.alerts.addFindings(alertId, run.id, incident.findings);
    outcomes.push({
      id: alertId,
      type: incident.parts.type,
      action: transition.action,
      severity: 'severity' in transition ? transition.severity : (current?.severity ?? 'info'),
      findings: incident.findings.length,
    });
    if (transition.action === 'clean') continue;
    const event = transition.notify ?? transition.action;
    const note =
      transition.action === 'resolve'
        ? `auto-resolved after ${transition.cleanRuns} clean runs`
        : null;
    const eventId = await stores.alerts.addEvent({ alertId, event, runId: run.id, note });
    if (transition.notify)
      notify.push({ alertId, alertEventId: eventId, event: transition.notify });
  }
  return { notify, incidents: outcomes };
}

/** The stored change for a run's transition (null: nothing to store). */
function changeFor(
  transition: ReturnType<typeof alertTransition>,
  current: (AlertSnapshot & Pick<AlertState, 'id'>) | null,
  incident: IncidentObservation,
  run: RunRef,
): AlertChange | null {
  const summary = incident.summary;
  const headline = incident.findings[0];
  const write = () => ({
    severity: 'severity' in transition ? transition.severity : summary!.severity,
    title: summary!.title,
    evidence: summary!.evidence,
    runId: run.id,
    modelId: run.modelId,
    metric: headline?.metric,
    subgroup: headline?.subgroup,
  });
  switch (transition.action) {
    case 'open':
      return {
        action: 'open',
        alert: {
          ...write(),
          dedupKey: incident.dedupKey,
          type: incident.parts.type,
          planId: incident.parts.planId,
          tenantId: run.tenantId,
          sliceId: incident.parts.sliceId,
          subgroup: headline.subgroup,
          metric: headline.metric,
        },
      };
    case 'reopen':
    case 'seen':
      return { action: transition.action, id: current!.id, finding: write() };
    case 'clean':
    case 'resolve':
      return { action: transition.action, id: current!.id, cleanRuns: transition.cleanRuns };
    default:
      // 'none'; people's acknowledge/refuse never come from a run.
      return null;
  }
}
