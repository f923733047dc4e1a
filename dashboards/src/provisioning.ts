import { POSTGRES, PROMETHEUS } from './datasources';

// Where docker-compose mounts dashboards/generated/dashboards inside the Grafana container.
export const GRAFANA_DASHBOARDS_PATH = '/var/lib/grafana/dashboards';
export const GRAFANA_DB_ROLE = 'lastmile_grafana';

/** Grafana datasource provisioning (apiVersion 1); `$VAR` is expanded by Grafana from its env. */
export function datasourcesProvisioning(): Record<string, unknown> {
  return {
    apiVersion: 1,
    datasources: [
      {
        name: 'Lastmile PostgreSQL',
        uid: POSTGRES.uid,
        type: POSTGRES.type,
        access: 'proxy',
        url: 'postgres:5432',
        user: GRAFANA_DB_ROLE,
        isDefault: true,
        editable: false,
        jsonData: {
          database: 'lastmile',
          sslmode: 'disable',
          postgresVersion: 1500,
          timescaledb: false,
          maxOpenConns: 5,
        },
        secureJsonData: { password: '$GRAFANA_DB_PASSWORD' },
      },
      {
        name: 'Lastmile Prometheus',
        uid: PROMETHEUS.uid,
        type: PROMETHEUS.type,
        access: 'proxy',
        url: 'http://prometheus:9090',
        editable: false,
        jsonData: { timeInterval: '15s' },
      },
    ],
  };
}

/** A file provider: Grafana loads every JSON in the mounted folder; edits happen in code. */
export function dashboardsProvisioning(): Record<string, unknown> {
  return {
    apiVersion: 1,
    providers: [
      {
        name: 'lastmile',
        orgId: 1,
        folder: 'Lastmile',
        folderUid: 'lastmile',
        type: 'file',
        disableDeletion: true,
        allowUiUpdates: false,
        updateIntervalSeconds: 60,
        options: { path: GRAFANA_DASHBOARDS_PATH, foldersFromFilesStructure: false },
      },
    ],
  };
}
