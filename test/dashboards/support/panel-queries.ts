import type { Client, QueryResult } from 'pg';
import {
  allPanels,
  isPostgres,
  overriddenFieldNames,
  type DashboardJson,
  type PanelJson,
  type TargetJson,
} from './dashboard-json';
import type { TimeContext } from './dashboard-variables';
import { expandGrafanaSql, type TemplateVariable } from './grafana-macros';
import { annotationProblems, statProblems, timeSeriesProblems } from './query-shape';

export interface QueryRun {
  where: string;
  sql: string;
  result?: QueryResult;
  problems: string[];
}

/** The variables a panel sees: one copy per value of its repeat variable, as Grafana clones it. */
export function panelScopes(panel: PanelJson, variables: TemplateVariable[]): TemplateVariable[][] {
  const repeat = variables.find((v) => v.name === panel.repeat);
  if (!panel.repeat) return [variables];
  if (!repeat) throw new Error(`panel "${panel.title}" repeats over unknown $${panel.repeat}`);
  return repeat.options.map((option) =>
    variables.map((v) => (v === repeat ? { ...v, current: option.value } : v)),
  );
}

async function run(client: Client, where: string, sql: string): Promise<QueryRun> {
  try {
    const result = await client.query(sql);
    return { where, sql, result, problems: result.rowCount ? [] : ['no rows'] };
  } catch (error) {
    return { where, sql, problems: [(error as Error).message] };
  }
}

function targetProblems(panel: PanelJson, target: TargetJson, result: QueryResult): string[] {
  if (target.format === 'time_series') return timeSeriesProblems(result);
  return panel.type === 'stat' ? statProblems(result) : [];
}

/**
 * Runs every PostgreSQL target of every panel (each repeat clone) and every SQL annotation,
 * checking each result has the shape its panel needs and the columns its overrides name.
 */
export async function runDashboardQueries(
  board: DashboardJson,
  client: Client,
  time: TimeContext,
  variables: TemplateVariable[],
): Promise<QueryRun[]> {
  const runs: QueryRun[] = [];
  for (const panel of allPanels(board)) {
    const targets = (panel.targets ?? []).filter((t) => isPostgres(t.datasource) && !t.hide);
    const columns = new Set<string>();
    for (const scope of targets.length ? panelScopes(panel, variables) : []) {
      for (const target of targets) {
        const where = `panel "${panel.title}" ${target.refId}`;
        const sql = expandGrafanaSql(target.rawSql ?? '', { ...time, variables: scope });
        const outcome = await run(client, where, sql);
        if (outcome.result) {
          outcome.problems.push(...targetProblems(panel, target, outcome.result));
          outcome.result.fields.forEach((f) => columns.add(f.name));
        }
        runs.push(outcome);
      }
    }
    const missing = overriddenFieldNames(panel).filter(
      (name) => targets.length && !columns.has(name),
    );
    if (missing.length) {
      runs.push({
        where: `panel "${panel.title}"`,
        sql: '',
        problems: [`overrides name missing columns ${missing}`],
      });
    }
  }
  for (const annotation of board.annotations?.list ?? []) {
    if (!isPostgres(annotation.datasource) || !annotation.target?.rawSql) continue;
    const sql = expandGrafanaSql(annotation.target.rawSql, { ...time, variables });
    const outcome = await run(client, `annotation "${annotation.name}"`, sql);
    if (outcome.result) outcome.problems.push(...annotationProblems(outcome.result));
    runs.push(outcome);
  }
  return runs;
}

/** The SQL of one panel target, by panel title. */
export function panelSql(board: DashboardJson, title: string, refId = 'A'): string {
  const panel = allPanels(board).find((p) => p.title === title);
  const target = panel?.targets?.find((t) => t.refId === refId);
  if (!target?.rawSql)
    throw new Error(`no SQL target ${refId} in panel "${title}" of ${board.uid}`);
  return target.rawSql;
}
