import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { notificationJobs, type ChannelSpec, type NotifiedEvent } from '@lastmile/monitoring';
import { JOB_DELIVER_NOTIFICATION, NOTIFICATIONS_QUEUE } from '@lastmile/queue';

/** Queues an acknowledgement or resolution for the plan's channels; the runner delivers it. */
@Injectable()
export class AlertNotifier {
  constructor(@InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue) {}

  async notify(
    alertId: string,
    alertEventId: string,
    event: NotifiedEvent,
    channels: readonly ChannelSpec[],
  ): Promise<void> {
    for (const job of notificationJobs(alertId, alertEventId, event, channels)) {
      await this.queue.add(JOB_DELIVER_NOTIFICATION, job.data, job.opts);
    }
  }
}
