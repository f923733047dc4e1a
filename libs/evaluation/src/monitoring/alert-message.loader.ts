import {
  alertLink,
  consoleAlertLink,
  type AlertMessage,
  type NotifiedEvent,
} from '@lastmile/monitoring';
import type { AlertsStore } from '@lastmile/persistence';

/** The message for one alert event, from the alert as it stands and the event's own note and time. */
export async function loadAlertMessage(
  alerts: Pick<AlertsStore, 'message'>,
  alertEventId: string,
  event: NotifiedEvent,
  publicUrl: string,
): Promise<AlertMessage | null> {
  const row = await alerts.message(alertEventId);
  if (!row) return null;
  const links = (row.evidence?.links ?? {}) as {
    report?: string | null;
    dashboard?: string | null;
  };
  return {
    event,
    at: new Date(row.eventAt).toISOString(),
    note: row.note,
    alert: {
      id: row.id,
      dedupKey: row.dedupKey,
      type: row.type,
      status: row.status,
      severity: row.severity,
      title: row.title,
      planId: row.planId,
      modelId: row.modelId,
      tenantId: row.tenantId,
      sliceId: row.sliceId,
      subgroup: row.subgroup,
      metric: row.metric,
      seenCount: row.seenCount,
      openedAt: new Date(row.openedAt).toISOString(),
      lastRunId: row.lastRunId,
    },
    evidence: row.evidence,
    links: {
      alert: alertLink(publicUrl, row.id),
      console: consoleAlertLink(publicUrl, row.id),
      report: links.report ?? null,
      dashboard: links.dashboard ?? null,
    },
  };
}
