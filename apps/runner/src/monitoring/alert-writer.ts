import {
  alertTransition,
  insertAlertEvent,
  type AlertSnapshot,
  type AlertTransition,
  type Queryable,
} from '@lastmile/monitoring';
import type { Run } from '@lastmile/persistence';
import type { AlertObservation } from './alert-observation';
import type { PendingNotification } from './notification-enqueuer';

interface LatestAlert extends AlertSnapshot {
  id: string;
  dedup_key: string;
}

/**
 * Applies a run's observations to the alerts table (inside the caller's transaction, plan lock
 * held): one unresolved alert per dedup key, opened, seen again, escalated, auto-resolved or
 * reopened (the same row) as alertTransition says; every change of status or severity and every
 * repeat is an alert_events row. Returns what to notify once the transaction has committed.
 */
export async function writeAlerts(
  db: Queryable,
  run: Pick<Run, 'id' | 'planId' | 'modelId' | 'tenantId'>,
  observations: readonly AlertObservation[],
  autoResolveAfter: number,
): Promise<Omit<PendingNotification, 'channels'>[]> {
  if (observations.length === 0) return [];
  const latest: LatestAlert[] = await db.query(
    `SELECT DISTINCT ON (dedup_key) id, dedup_key, status, severity, clean_runs AS "cleanRuns"
     FROM alerts WHERE dedup_key = ANY($1::text[])
     ORDER BY dedup_key, (status <> 'resolved') DESC, opened_at DESC`,
    [observations.map((o) => o.dedupKey)],
  );
  const byKey = new Map(latest.map((row) => [row.dedup_key, row]));
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
    const alertId = await apply(db, run, observation, current?.id ?? null, transition);
    if (!alertId) continue;
    const event = transition.notify ?? transition.action;
    if (transition.action === 'clean') continue;
    const note =
      transition.action === 'resolve'
        ? `auto-resolved after ${transition.cleanRuns} clean runs`
        : null;
    const eventId = await insertAlertEvent(db, { alertId, event, runId: run.id, note });
    if (transition.notify)
      notify.push({ alertId, alertEventId: eventId, event: transition.notify });
  }
  return notify;
}

async function apply(
  db: Queryable,
  run: Pick<Run, 'id' | 'planId' | 'modelId' | 'tenantId'>,
  observation: AlertObservation,
  alertId: string | null,
  transition: AlertTransition,
): Promise<string | null> {
  const finding = observation.finding;
  switch (transition.action) {
    case 'none':
      return null;
    case 'open': {
      const { parts } = observation;
      const rows: { id: string }[] = await db.query(
        `INSERT INTO alerts (dedup_key, type, status, severity, plan_id, model_id, tenant_id, slice_id, subgroup, metric, title, evidence, last_run_id)
         VALUES ($1, $2, 'open', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          observation.dedupKey,
          parts.type,
          transition.severity,
          parts.planId,
          run.modelId,
          run.tenantId,
          parts.sliceId,
          parts.subgroup,
          parts.metric,
          finding!.title,
          finding!.evidence,
          run.id,
        ],
      );
      return rows[0].id;
    }
    case 'reopen':
      await db.query(
        `UPDATE alerts SET status = 'open', severity = $2, title = $3, evidence = $4, last_run_id = $5, model_id = $6,
           seen_count = seen_count + 1, clean_runs = 0, opened_at = now(), last_seen_at = now(),
           acknowledged_at = NULL, resolved_at = NULL
         WHERE id = $1`,
        [alertId, transition.severity, finding!.title, finding!.evidence, run.id, run.modelId],
      );
      return alertId;
    case 'seen':
      await db.query(
        `UPDATE alerts SET severity = $2, title = $3, evidence = $4, last_run_id = $5, model_id = $6,
           seen_count = seen_count + 1, clean_runs = 0, last_seen_at = now()
         WHERE id = $1`,
        [alertId, transition.severity, finding!.title, finding!.evidence, run.id, run.modelId],
      );
      return alertId;
    case 'clean':
      await db.query('UPDATE alerts SET clean_runs = $2 WHERE id = $1', [
        alertId,
        transition.cleanRuns,
      ]);
      return alertId;
    case 'resolve':
      await db.query(
        `UPDATE alerts SET status = 'resolved', clean_runs = $2, resolved_at = now() WHERE id = $1`,
        [alertId, transition.cleanRuns],
      );
      return alertId;
  }
}
