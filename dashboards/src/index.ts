import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { stringify } from 'yaml';
import { alertsDashboard } from './alerts.dashboard';
import { customerSliceDashboard } from './customer-slice.dashboard';
import { overviewDashboard } from './overview.dashboard';
import { finalizePanels } from './finalize-panels';
import { dashboardsProvisioning, datasourcesProvisioning } from './provisioning';
import { readonlyRoleInitScript, readonlyRoleSql } from './readonly-role';
import { runnerHealthDashboard } from './runner-health.dashboard';

export { POSTGRES, PROMETHEUS } from './datasources';
export { GRAFANA_DASHBOARDS_PATH, GRAFANA_DB_ROLE } from './provisioning';

/** Every Lastmile dashboard, built fresh, with fixed uids and panel ids. */
export function buildDashboards(): Dashboard[] {
  return [
    overviewDashboard(),
    customerSliceDashboard(),
    alertsDashboard(),
    runnerHealthDashboard(),
  ].map(finalizePanels);
}

/**
 * Writes the dashboards (outDir/dashboards/<uid>.json) and Grafana's provisioning files
 * (outDir/provisioning/{datasources,dashboards}/lastmile.yaml), and the init script creating
 * the read-only database role (outDir/provisioning/readonly-role.sh); returns the paths written.
 */
export async function generateDashboards(outDir: string): Promise<string[]> {
  const files = new Map<string, string>();
  for (const board of buildDashboards()) {
    files.set(join('dashboards', `${board.uid}.json`), `${JSON.stringify(board, null, 2)}\n`);
  }
  files.set(
    join('provisioning', 'datasources', 'lastmile.yaml'),
    stringify(datasourcesProvisioning()),
  );
  files.set(
    join('provisioning', 'dashboards', 'lastmile.yaml'),
    stringify(dashboardsProvisioning()),
  );
  files.set(
    join('provisioning', 'readonly-role.sh'),
    readonlyRoleInitScript(await readonlyRoleSql()),
  );

  const written: string[] = [];
  for (const [relativePath, content] of files) {
    const path = join(outDir, relativePath);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    // The postgres image executes an executable init script (it would source one that is not).
    if (path.endsWith('.sh')) await chmod(path, 0o755);
    written.push(path);
  }
  return written;
}
