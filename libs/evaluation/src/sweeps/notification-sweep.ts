import type { Database } from '@lastmile/persistence';
import { logger } from '@lastmile/telemetry';
import { missedNotifications } from '../monitoring/missed-notifications';
import { enqueueNotifications, type NotificationQueue } from '../monitoring/notifications';

/**
 * Makes delivery at-least-once: a transition whose jobs never reached the queue (the process
 * died right after its commit) is queued again. One replica at a time; returns how many.
 */
export function sweepMissedNotifications(
  database: Database,
  queue: NotificationQueue,
): Promise<number> {
  return database.transaction(async (stores) => {
    if (!(await stores.tryLock('lastmile:notification-sweep'))) return 0;
    const missed = await missedNotifications(stores.alerts);
    await enqueueNotifications(queue, missed);
    if (missed.length > 0)
      logger().warn(
        { requeued: missed.length },
        'requeued notifications that never reached the queue',
      );
    return missed.length;
  });
}
