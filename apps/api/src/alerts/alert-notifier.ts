import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { enqueueNotifications } from '@lastmile/evaluation';
import type { ChannelSpec, NotifiedEvent } from '@lastmile/monitoring';
import { NOTIFICATIONS_QUEUE } from '@lastmile/queue';

/** Queues an acknowledgement or resolution for the plan's channels; the runner delivers it. */
@Injectable()
export class AlertNotifier {
  constructor(@InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue) {}

  notify(
    alertId: string,
    alertEventId: string,
    event: NotifiedEvent,
    channels: readonly ChannelSpec[],
  ): Promise<void> {
    return enqueueNotifications(this.queue, [{ alertId, alertEventId, event, channels }]);
  }
}
