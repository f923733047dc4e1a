import type { Provider } from '@nestjs/common';
import { parseUrlAllowlist } from '@lastmile/adapters';
import type { AppConfig } from '@lastmile/config';
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
      useFactory: () => new NotificationSender(parseUrlAllowlist(config.LASTMILE_URL_ALLOWLIST)),
    },
    NotificationEnqueuer,
    DriftMonitor,
    NotificationProcessor,
    NotificationSweep,
  ];
}
