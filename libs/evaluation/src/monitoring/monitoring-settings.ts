import type { AppConfig } from '@lastmile/config';

/** What the monitor needs from the configuration: where links point, where channels may go. */
export interface MonitoringSettings {
  publicUrl: string;
  grafanaUrl: string;
  urlAllowlist: string;
}

export function monitoringSettings(config: AppConfig): MonitoringSettings {
  return {
    publicUrl: config.LASTMILE_PUBLIC_URL,
    grafanaUrl: config.LASTMILE_GRAFANA_URL,
    urlAllowlist: config.LASTMILE_URL_ALLOWLIST,
  };
}
