import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import {
  loadAlertMessage,
  NotificationSender,
  type MonitoringSettings,
} from '@lastmile/evaluation';
import type { DeliverNotificationJob } from '@lastmile/monitoring';
import { Database } from '@lastmile/persistence';
import { JOB_DELIVER_NOTIFICATION, NOTIFICATIONS_QUEUE } from '@lastmile/queue';
import { logger, notificationFailures } from '@lastmile/telemetry';
import { MONITORING_SETTINGS } from '../runner.tokens';

/**
 * Delivers one alert event to one channel. Every attempt is a notifications row; a failure
 * throws so BullMQ retries with backoff (same job, same idempotency key), unless retrying
 * cannot help (a 4xx, a URL outside the allow-list, a missing secret).
 */
@Processor(NOTIFICATIONS_QUEUE, { concurrency: 4 })
export class NotificationProcessor extends WorkerHost {
  constructor(
    private readonly database: Database,
    private readonly sender: NotificationSender,
    @Inject(MONITORING_SETTINGS) private readonly settings: MonitoringSettings,
  ) {
    super();
  }

  async process(job: Job<DeliverNotificationJob>): Promise<{ delivered: boolean } | null> {
    if (job.name !== JOB_DELIVER_NOTIFICATION) throw new Error(`unknown job ${job.name}`);
    const { alertId, alertEventId, event, channel, channelKey, idempotencyKey } = job.data;
    const message = await loadAlertMessage(
      this.database.stores.alerts,
      alertEventId,
      event,
      this.settings.publicUrl,
    );
    // The alert is gone (its plan was deleted): nothing left to tell.
    if (!message) return null;
    const attempt = job.attemptsMade + 1;
    const result = await this.sender.deliver(channel, message, idempotencyKey);
    await this.database.stores.alerts.recordDelivery({
      alertId,
      channelKey,
      event,
      idempotencyKey,
      attempt,
      delivered: result.delivered,
      responseStatus: result.responseStatus,
      error: result.error,
    });
    const context = { alertId, event, channel: channelKey, attempt };
    if (result.delivered) {
      logger().info(context, 'notification delivered');
      return { delivered: true };
    }
    notificationFailures.inc({ channel_kind: channel.kind });
    logger().warn(
      { ...context, error: result.error, retryable: result.retryable },
      'notification delivery failed',
    );
    throw result.retryable
      ? new Error(result.error ?? 'delivery failed')
      : new UnrecoverableError(result.error ?? 'delivery failed');
  }
}
