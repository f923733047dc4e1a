import { notificationJobs, type ChannelSpec, type NotifiedEvent } from '@lastmile/monitoring';
// The names alone: the queue package's index loads BullMQ, which `lastmile run` never needs.
import { JOB_DELIVER_NOTIFICATION } from '@lastmile/queue/names';
import { logger } from '@lastmile/telemetry';

/** A transition to tell people about, once its transaction has committed. */
export interface PendingNotification {
  alertId: string;
  alertEventId: string;
  event: NotifiedEvent;
  channels: readonly ChannelSpec[];
}

/** The notifications queue as this code uses it (a BullMQ Queue). */
export interface NotificationQueue {
  add(name: string, data: unknown, options: object): Promise<unknown>;
}

/**
 * Queues one delivery job per channel: the one enqueue loop (the runner's monitor, the API's
 * acknowledge/resolve and the sweep all call it). The job id is the idempotency key, so
 * queuing the same event twice delivers it once.
 */
export async function enqueueNotifications(
  queue: NotificationQueue,
  pending: readonly PendingNotification[],
): Promise<void> {
  for (const { alertId, alertEventId, event, channels } of pending) {
    for (const job of notificationJobs(alertId, alertEventId, event, channels)) {
      await queue.add(JOB_DELIVER_NOTIFICATION, job.data, job.opts);
      logger().info({ alertId, event, channel: job.data.channelKey }, 'notification queued');
    }
  }
}
