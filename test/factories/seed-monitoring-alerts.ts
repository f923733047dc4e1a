import type { DataSource } from 'typeorm';
import { Alert, AlertEvent, Notification, type Plan } from '@lastmile/persistence';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

interface AlertSpec {
  plan: Plan;
  sliceId: string;
  type: Alert['type'];
  severity: Alert['severity'];
  subgroup: string;
  metric: string;
  title: string;
  /** Hours after the seed start. */
  openedAfterHours: number;
  acknowledgedAfterMinutes?: number;
  resolvedAfterHours?: number;
}

/**
 * Alerts in every state, with their event history and notification attempts:
 * open (critical drift), acknowledged after 25 min, resolved after 10 min / 2 days, and a
 * resolved alert never acknowledged. One Slack delivery fails before a retry succeeds.
 */
export async function seedAlerts(
  dataSource: DataSource,
  specs: AlertSpec[],
  start: Date,
): Promise<Alert[]> {
  const alerts: Alert[] = [];
  for (const spec of specs) {
    const openedAt = new Date(start.getTime() + spec.openedAfterHours * HOUR_MS);
    const acknowledgedAt =
      spec.acknowledgedAfterMinutes === undefined
        ? null
        : new Date(openedAt.getTime() + spec.acknowledgedAfterMinutes * MINUTE_MS);
    const resolvedAt =
      spec.resolvedAfterHours === undefined
        ? null
        : new Date(openedAt.getTime() + spec.resolvedAfterHours * HOUR_MS);
    const status = resolvedAt ? 'resolved' : acknowledgedAt ? 'acknowledged' : 'open';
    const { plan } = spec;
    const alert = await dataSource.getRepository(Alert).save({
      dedupKey: [plan.id, spec.sliceId, spec.subgroup, spec.metric].join(':'),
      type: spec.type,
      status,
      severity: spec.severity,
      planId: plan.id,
      modelId: plan.modelId,
      tenantId: plan.tenantId,
      sliceId: spec.sliceId,
      subgroup: spec.subgroup,
      metric: spec.metric,
      title: spec.title,
      evidence: { baseline: 0.12, current: 0.24 },
      openedAt,
      lastSeenAt: openedAt,
      acknowledgedAt,
      resolvedAt,
    });
    alerts.push(alert);
    const events: Partial<AlertEvent>[] = [{ alertId: alert.id, event: 'opened', at: openedAt }];
    if (acknowledgedAt)
      events.push({ alertId: alert.id, event: 'acknowledged', at: acknowledgedAt });
    if (resolvedAt) events.push({ alertId: alert.id, event: 'resolved', at: resolvedAt });
    await dataSource.getRepository(AlertEvent).insert(events);
    const delivery = (channelKey: string, attempt: number, status: 'delivered' | 'failed') => ({
      alertId: alert.id,
      channelKey,
      event: 'opened',
      idempotencyKey: `${alert.id}:opened:${channelKey}`,
      attempt,
      status,
      responseStatus: status === 'failed' ? 503 : 200,
      error: status === 'failed' ? 'HTTP 503 from slack' : null,
      at: new Date(openedAt.getTime() + attempt * MINUTE_MS),
    });
    const notifications = [delivery('webhook:oncall', 1, 'delivered')];
    if (spec.severity === 'critical') {
      notifications.push(
        delivery('slack:#alerts', 1, 'failed'),
        delivery('slack:#alerts', 2, 'delivered'),
      );
    }
    await dataSource.getRepository(Notification).insert(notifications);
  }
  return alerts;
}
