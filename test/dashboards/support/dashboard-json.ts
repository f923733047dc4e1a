import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

// The parts of Grafana's dashboard JSON (schema v1) the tests read.

export interface DataSourceRef {
  type?: string;
  uid?: string;
}

export interface TargetJson {
  refId?: string;
  hide?: boolean;
  datasource?: DataSourceRef;
  rawSql?: string;
  format?: string;
  expr?: string;
}

export interface PanelJson {
  id?: number;
  type: string;
  title?: string;
  datasource?: DataSourceRef;
  targets?: TargetJson[];
  repeat?: string;
  panels?: PanelJson[];
  fieldConfig?: { overrides?: { matcher: { id: string; options?: unknown } }[] };
}

export interface VariableJson {
  type: string;
  name: string;
  query?: string | Record<string, unknown>;
  datasource?: DataSourceRef;
  multi?: boolean;
  includeAll?: boolean;
  allValue?: string;
  current?: { value?: string | string[] };
}

export interface AnnotationJson {
  name: string;
  datasource?: DataSourceRef;
  target?: TargetJson;
}

export interface DashboardJson {
  uid: string;
  title: string;
  panels?: PanelJson[];
  templating?: { list?: VariableJson[] };
  annotations?: { list?: AnnotationJson[] };
}

export const isPostgres = (ref?: DataSourceRef) => ref?.type === 'grafana-postgresql-datasource';

/** Every panel, including those nested in collapsed rows. */
export function allPanels(board: DashboardJson): PanelJson[] {
  const out: PanelJson[] = [];
  const visit = (panels: PanelJson[] = []) => {
    for (const panel of panels) {
      out.push(panel);
      visit(panel.panels);
    }
  };
  visit(board.panels);
  return out;
}

/** Field names a panel's overrides refer to: the columns its queries must return. */
export function overriddenFieldNames(panel: PanelJson): string[] {
  return (panel.fieldConfig?.overrides ?? [])
    .filter((o) => o.matcher.id === 'byName')
    .map((o) => String(o.matcher.options));
}

export async function readDashboards(dir: string): Promise<DashboardJson[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (name) => JSON.parse(await readFile(join(dir, name), 'utf8')) as DashboardJson),
  );
}
