import { getQueueToken } from '@nestjs/bullmq';
import type { Provider } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { ServerPolicy } from '@lastmile/adapters';
import { RESERVED_ENV_NAMES, type AppConfig } from '@lastmile/config';
import {
  DriftMonitor,
  monitoringSettings,
  NotificationSender,
  type MonitoringSettings,
} from '@lastmile/evaluation';
import { Database } from '@lastmile/persistence';
import { NOTIFICATIONS_QUEUE } from '@lastmile/queue';
import { NotificationProcessor } from './notification.processor';
import { NotificationSweep } from '../sweeps/notification-sweep';
import { MONITORING_SETTINGS } from '../runner.tokens';

/** The runner's drift monitor and notification delivery (the notifications queue is registered by the module). */
export function monitoringProviders(config: AppConfig): Provider[] {
  return [
    { provide: MONITORING_SETTINGS, useValue: monitoringSettings(config) },
    {
      provide: NotificationSender,
      inject: [Database],
      useFactory: (database: Database) =>
        new NotificationSender(
          new ServerPolicy(config, RESERVED_ENV_NAMES),
          database.stores.secrets,
          {
            pagerDutyEventsUrl: config.LASTMILE_PAGERDUTY_EVENTS_URL,
          },
        ),
    },
    {
      provide: DriftMonitor,
      inject: [Database, getQueueToken(NOTIFICATIONS_QUEUE), MONITORING_SETTINGS],
      useFactory: (database: Database, queue: Queue, settings: MonitoringSettings) =>
        new DriftMonitor(database, queue, settings),
    },
    NotificationProcessor,
    NotificationSweep,
  ];
}
