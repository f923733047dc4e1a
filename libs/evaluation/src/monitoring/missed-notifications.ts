import { notificationJobs, type NotifiedEvent } from '@lastmile/monitoring';
import type { AlertsStore } from '@lastmile/persistence';
import type { PendingNotification } from './notifications';

const NOTIFIED: NotifiedEvent[] = ['opened', 'escalated', 'reopened', 'acknowledged', 'resolved'];

/**
 * Alert events of the past day, older than `graceSeconds`, with a channel that has no delivery
 * attempt at all: their job was lost between the transition's commit and its enqueue (a crash),
 * or still waits in a backed-up queue — re-adding it under the same job id is then a no-op.
 */
export async function missedNotifications(
  alerts: Pick<AlertsStore, 'recentNotifiedEvents' | 'attempted'>,
  graceSeconds = 60,
): Promise<PendingNotification[]> {
  const events = await alerts.recentNotifiedEvents(NOTIFIED, graceSeconds);
  const wanted = events.flatMap((e) =>
    notificationJobs(e.alertId, e.id, e.event as NotifiedEvent, e.channels).map((job) => ({
      event: e,
      job,
    })),
  );
  if (wanted.length === 0) return [];
  const done = await alerts.attempted(wanted.map((w) => w.job.data.idempotencyKey));
  return wanted
    .filter((w) => !done.has(w.job.data.idempotencyKey))
    .map(({ event, job }) => ({
      alertId: event.alertId,
      alertEventId: event.id,
      event: event.event as NotifiedEvent,
      channels: [job.data.channel],
    }));
}
