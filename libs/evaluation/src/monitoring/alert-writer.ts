import { alertTransition, type AlertSnapshot } from '@lastmile/monitoring';
import type { AlertChange, AlertState, Run, Stores } from '@lastmile/persistence';
import type { AlertObservation } from './alert-observation';
import type { PendingNotification } from './notifications';

type RunRef = Pick<Run, 'id' | 'planId' | 'modelId' | 'tenantId'>;

/**
 * Applies a run's observations to the alerts (inside the caller's transaction, plan lock held):
 * one unresolved alert per dedup key, opened, seen again, escalated, auto-resolved or reopened
 * (the same row) as alertTransition says; every change of status or severity and every repeat
 * is an alert event. Returns what to notify once the transaction has committed.
 */
export async function writeAlerts(
  stores: Pick<Stores, 'alerts'>,
  run: RunRef,
  observations: readonly AlertObservation[],
  autoResolveAfter: number,
): Promise<Omit<PendingNotification, 'channels'>[]> {
  if (observations.length === 0) return [];
  const latest = await stores.alerts.latest(observations.map((o) => o.dedupKey));
  const byKey = new Map(latest.map((row) => [row.dedupKey, row]));
  const notify: Omit<PendingNotification, 'channels'>[] = [];
  for (const observation of observations) {
    const current = byKey.get(observation.dedupKey) ?? null;
    const transition = alertTransition(
      current,
      observation.finding
        ? { kind: 'finding', severity: observation.finding.severity }
        : { kind: 'clean' },
      autoResolveAfter,
    );
    const change = changeFor(transition, current, observation, run);
    if (!change) continue;
    const alertId = await stores.alerts.apply(change);
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
  return notify;
}

/** The stored change for a run's transition (null: nothing to store). */
function changeFor(
  transition: ReturnType<typeof alertTransition>,
  current: (AlertSnapshot & Pick<AlertState, 'id'>) | null,
  observation: AlertObservation,
  run: RunRef,
): AlertChange | null {
  const finding = observation.finding;
  const write = () => ({
    severity: 'severity' in transition ? transition.severity : finding!.severity,
    title: finding!.title,
    evidence: finding!.evidence,
    runId: run.id,
    modelId: run.modelId,
  });
  switch (transition.action) {
    case 'open':
      return {
        action: 'open',
        alert: {
          ...write(),
          dedupKey: observation.dedupKey,
          type: observation.parts.type,
          planId: observation.parts.planId,
          tenantId: run.tenantId,
          sliceId: observation.parts.sliceId,
          subgroup: observation.parts.subgroup,
          metric: observation.parts.metric,
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
