import type { Client, QueryResult } from 'pg';
import { isPostgres, type DashboardJson, type VariableJson } from './dashboard-json';
import {
  ALL,
  expandGrafanaSql,
  type ExpansionContext,
  type TemplateVariable,
} from './grafana-macros';

export type TimeContext = Omit<ExpansionContext, 'variables'>;

/** Options of a SQL variable, as Grafana reads them: `__text`/`__value` columns, else the first. */
export function optionsFromRows(result: QueryResult): { text: string; value: string }[] {
  const names = result.fields.map((f) => f.name);
  const pick = (row: Record<string, unknown>, name: string) => String(row[name]);
  const options = result.rows.map((row) =>
    names.includes('__text') && names.includes('__value')
      ? { text: pick(row, '__text'), value: pick(row, '__value') }
      : { text: pick(row, names[0]), value: pick(row, names[0]) },
  );
  return options.filter((o, i) => options.findIndex((x) => x.value === o.value) === i);
}

/**
 * Fills a dashboard's variables in order, as Grafana does on load: each SQL variable's query is
 * expanded with the variables before it and run. Selection: `chosen[name]` if given, else "All"
 * where it is the default, else the first option. Returns the variables and the SQL each ran.
 */
export async function resolveVariables(
  board: DashboardJson,
  client: Client,
  time: TimeContext,
  chosen: Record<string, string> = {},
): Promise<{
  variables: TemplateVariable[];
  queries: { name: string; sql: string; result: QueryResult }[];
}> {
  const variables: TemplateVariable[] = [];
  const queries: { name: string; sql: string; result: QueryResult }[] = [];
  for (const variable of board.templating?.list ?? []) {
    let options: { text: string; value: string }[];
    if (variable.type === 'custom') {
      options = String(variable.query)
        .split(',')
        .map((v) => ({ text: v.trim(), value: v.trim() }));
    } else if (variable.type === 'query' && isPostgres(variable.datasource)) {
      const sql = expandGrafanaSql(String(variable.query), { ...time, variables });
      const result = await client.query(sql).catch((error: Error) => {
        throw new Error(`variable $${variable.name}: ${error.message}\n${sql}`);
      });
      queries.push({ name: variable.name, sql, result });
      options = optionsFromRows(result);
    } else {
      continue;
    }
    variables.push(select(variable, options, chosen[variable.name]));
  }
  return { variables, queries };
}

function select(
  variable: VariableJson,
  options: { text: string; value: string }[],
  chosen: string | undefined,
): TemplateVariable {
  const defaultValue = variable.current?.value;
  const allByDefault =
    defaultValue === ALL || (Array.isArray(defaultValue) && defaultValue.includes(ALL));
  const first = chosen ?? options[0]?.value ?? '';
  return {
    name: variable.name,
    multi: variable.multi ?? false,
    includeAll: variable.includeAll ?? false,
    allValue: variable.allValue,
    options,
    current:
      chosen === undefined && variable.includeAll && allByDefault
        ? ALL
        : variable.multi
          ? [first]
          : first,
  };
}
