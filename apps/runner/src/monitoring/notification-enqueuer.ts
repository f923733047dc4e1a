import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { notificationJobs, type ChannelSpec, type NotifiedEvent } from '@lastmile/monitoring';
import { JOB_DELIVER_NOTIFICATION, NOTIFICATIONS_QUEUE } from '@lastmile/queue';
import { logger } from '@lastmile/telemetry';

export interface PendingNotification {
  alertId: string;
  alertEventId: string;
  event: NotifiedEvent;
  channels: readonly ChannelSpec[];
}

/** Queues one delivery job per channel; the job id is the idempotency key, so a repeat is a no-op. */
@Injectable()
export class NotificationEnqueuer {
  constructor(@InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue) {}

  async enqueue(pending: readonly PendingNotification[]): Promise<void> {
    for (const { alertId, alertEventId, event, channels } of pending) {
      for (const job of notificationJobs(alertId, alertEventId, event, channels)) {
        await this.queue.add(JOB_DELIVER_NOTIFICATION, job.data, job.opts);
        logger().info({ alertId, event, channel: job.data.channelKey }, 'notification queued');
      }
    }
  }
}
