import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { logger } from '@lastmile/telemetry';
import { missedNotifications } from './missed-notifications';
import { NotificationEnqueuer } from './notification-enqueuer';

/**
 * Housekeeping that makes delivery at-least-once: a transition whose jobs never reached the
 * queue (the process died right after its commit) is queued again. One runner at a time.
 */
@Injectable()
export class NotificationSweep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly enqueuer: NotificationEnqueuer,
  ) {}

  @Interval(60_000)
  async sweep(): Promise<number> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const [{ locked }] = await manager.query(
          "SELECT pg_try_advisory_xact_lock(hashtext('lastmile:notification-sweep')) AS locked",
        );
        if (!locked) return 0;
        const missed = await missedNotifications(manager);
        await this.enqueuer.enqueue(missed);
        if (missed.length > 0)
          logger().warn(
            { requeued: missed.length },
            'requeued notifications that never reached the queue',
          );
        return missed.length;
      });
    } catch (error) {
      logger().warn({ err: error }, 'notification sweep failed; retrying at the next interval');
      return 0;
    }
  }
}
