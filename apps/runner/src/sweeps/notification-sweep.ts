import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import type { Queue } from 'bullmq';
import { sweepMissedNotifications } from '@lastmile/evaluation';
import { Database } from '@lastmile/persistence';
import { NOTIFICATIONS_QUEUE } from '@lastmile/queue';
import { logger } from '@lastmile/telemetry';

/** Every minute, on one runner at a time: notifications whose jobs never reached the queue. */
@Injectable()
export class NotificationSweep {
  constructor(
    private readonly database: Database,
    @InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue,
  ) {}

  @Interval(60_000)
  async sweep(): Promise<number> {
    try {
      return await sweepMissedNotifications(this.database, this.queue);
    } catch (error) {
      logger().warn({ err: error }, 'notification sweep failed; retrying at the next interval');
      return 0;
    }
  }
}
