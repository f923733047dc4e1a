import {
  notificationJobs,
  type ChannelSpec,
  type NotifiedEvent,
  type Queryable,
} from '@lastmile/monitoring';
import type { PendingNotification } from './notification-enqueuer';

const NOTIFIED: NotifiedEvent[] = ['opened', 'escalated', 'reopened', 'acknowledged', 'resolved'];

/**
 * Alert events of the past day, older than `graceSeconds`, with a channel that has no delivery
 * attempt at all: their job was lost between the transition's commit and its enqueue (a crash),
 * or still waits in a backed-up queue — re-adding it under the same job id is then a no-op.
 */
export async function missedNotifications(
  db: Queryable,
  graceSeconds = 60,
): Promise<PendingNotification[]> {
  const events: { id: string; alert_id: string; event: NotifiedEvent; channels: ChannelSpec[] }[] =
    await db.query(
      `SELECT e.id, e.alert_id, e.event, p.channels
     FROM alert_events e JOIN alerts a ON a.id = e.alert_id JOIN plans p ON p.id = a.plan_id
     WHERE e.event = ANY($1::text[]) AND jsonb_array_length(p.channels) > 0
       AND e.at < now() - make_interval(secs => $2) AND e.at > now() - interval '1 day'`,
      [NOTIFIED, graceSeconds],
    );
  const wanted = events.flatMap((e) =>
    notificationJobs(e.alert_id, String(e.id), e.event, e.channels).map((job) => ({
      event: e,
      job,
    })),
  );
  if (wanted.length === 0) return [];
  const attempted: { idempotency_key: string }[] = await db.query(
    'SELECT DISTINCT idempotency_key FROM notifications WHERE idempotency_key = ANY($1::text[])',
    [wanted.map((w) => w.job.data.idempotencyKey)],
  );
  const done = new Set(attempted.map((row) => row.idempotency_key));
  return wanted
    .filter((w) => !done.has(w.job.data.idempotencyKey))
    .map(({ event, job }) => ({
      alertId: event.alert_id,
      alertEventId: String(event.id),
      event: event.event,
      channels: [job.data.channel],
    }));
}
