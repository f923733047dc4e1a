import type { Provider } from '@nestjs/common';
import { ServerPolicy } from '@lastmile/adapters';
import { RESERVED_ENV_NAMES, type AppConfig } from '@lastmile/config';
import { secretCipherFor, SecretsStore } from '@lastmile/persistence';
import { DataSource } from 'typeorm';
import { DriftMonitor } from './drift-monitor';
import { MONITORING_SETTINGS, monitoringSettings } from './monitoring-settings';
import { NotificationEnqueuer } from './notification-enqueuer';
import { NotificationProcessor } from './notification.processor';
import { NotificationSender } from './notification-sender';
import { NotificationSweep } from './notification-sweep';

/** The runner's drift monitor and notification delivery (the notifications queue is registered by the module). */
export function monitoringProviders(config: AppConfig): Provider[] {
  return [
    { provide: MONITORING_SETTINGS, useValue: monitoringSettings(config) },
    {
      provide: NotificationSender,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) =>
        new NotificationSender(
          new ServerPolicy(config, RESERVED_ENV_NAMES),
          new SecretsStore(dataSource, secretCipherFor(config)),
        ),
    },
    NotificationEnqueuer,
    DriftMonitor,
    NotificationProcessor,
    NotificationSweep,
  ];
}
