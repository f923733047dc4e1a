import {
  alertLink,
  type AlertMessage,
  type NotifiedEvent,
  type Queryable,
} from '@lastmile/monitoring';

interface Row {
  event_at: Date;
  note: string | null;
  id: string;
  dedup_key: string;
  type: string;
  status: string;
  severity: AlertMessage['alert']['severity'];
  title: string;
  plan_id: string;
  model_id: string;
  tenant_id: string | null;
  slice_id: string | null;
  subgroup: string;
  metric: string;
  seen_count: number;
  opened_at: Date;
  last_run_id: string | null;
  evidence: Record<string, unknown>;
}

/** The message for one alert event, from the alert as it stands and the event's own note and time. */
export async function loadAlertMessage(
  db: Queryable,
  alertEventId: string,
  event: NotifiedEvent,
  publicUrl: string,
): Promise<AlertMessage | null> {
  const rows: Row[] = await db.query(
    `SELECT e.at AS event_at, e.note, a.id, a.dedup_key, a.type, a.status, a.severity, a.title, a.plan_id, a.model_id,
            a.tenant_id, a.slice_id, a.subgroup, a.metric, a.seen_count, a.opened_at, a.last_run_id, a.evidence
     FROM alert_events e JOIN alerts a ON a.id = e.alert_id WHERE e.id = $1`,
    [alertEventId],
  );
  const row = rows[0];
  if (!row) return null;
  const links = (row.evidence?.links ?? {}) as {
    report?: string | null;
    dashboard?: string | null;
  };
  return {
    event,
    at: new Date(row.event_at).toISOString(),
    note: row.note,
    alert: {
      id: row.id,
      dedupKey: row.dedup_key,
      type: row.type,
      status: row.status,
      severity: row.severity,
      title: row.title,
      planId: row.plan_id,
      modelId: row.model_id,
      tenantId: row.tenant_id,
      sliceId: row.slice_id,
      subgroup: row.subgroup,
      metric: row.metric,
      seenCount: row.seen_count,
      openedAt: new Date(row.opened_at).toISOString(),
      lastRunId: row.last_run_id,
    },
    evidence: row.evidence,
    links: {
      alert: alertLink(publicUrl, row.id),
      report: links.report ?? null,
      dashboard: links.dashboard ?? null,
    },
  };
}
