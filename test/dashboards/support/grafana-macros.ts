// Grafana expands a PostgreSQL panel's SQL in three steps before running it; no library does
// this outside Grafana, so the steps are re-implemented here from Grafana's source:
//  1. template variables, in the browser (templateSrv.replace + SqlDatasource.interpolateVariable);
//  2. global macros, on the server (sqleng.Interpolate: $__interval_ms, $__unixEpochFrom() ...);
//  3. PostgreSQL macros (postgresMacroEngine: $__timeFilter(col), $__timeGroup(col, 5m) ...).

export const ALL = '$__all';

export interface TemplateVariable {
  name: string;
  multi: boolean;
  includeAll: boolean;
  /** Custom "All" value; Grafana inserts it unformatted. */
  allValue?: string;
  /** Every option except "All". */
  options: { text: string; value: string }[];
  /** ALL, one value (also how a repeated panel sees its own value), or several values. */
  current: string | string[];
}

export interface ExpansionContext {
  from: Date;
  to: Date;
  /** The panel's interval, what $__interval stands for. */
  intervalMs: number;
  variables: TemplateVariable[];
}

const VARIABLE = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.([^:^}]+))?(?::([^}]+))?\}/g;
const MACRO = /\$([_a-zA-Z0-9]+)\(([^)]*)\)/g;

export function expandGrafanaSql(sql: string, context: ExpansionContext): string {
  return expandMacros(expandGlobals(expandVariables(sql, context), context), context);
}

/** Step 1: what the browser sends. Unknown names stay as they are, like Grafana. */
export function expandVariables(sql: string, context: ExpansionContext): string {
  const builtIns: Record<string, string> = {
    __interval: formatInterval(context.intervalMs),
    __interval_ms: String(context.intervalMs),
    __from: String(context.from.getTime()),
    __to: String(context.to.getTime()),
  };
  return sql.replace(VARIABLE, (match, var1, var2, fmt2, var3, _fieldPath, fmt3) => {
    const name: string = var1 ?? var2 ?? var3;
    if (name in builtIns) return builtIns[name];
    const variable = context.variables.find((v) => v.name === name);
    return variable ? formatVariable(variable, fmt2 ?? fmt3) : match;
  });
}

function formatVariable(variable: TemplateVariable, format: string | undefined): string {
  const isAll =
    variable.current === ALL || (Array.isArray(variable.current) && variable.current.includes(ALL));
  if (isAll && variable.allValue && format !== 'text') return variable.allValue;
  const value = isAll ? variable.options.map((o) => o.value) : variable.current;
  const values = Array.isArray(value) ? value : [value];
  switch (format) {
    case undefined:
      if (Array.isArray(value)) return value.map(quoteLiteral).join(',');
      return variable.multi || variable.includeAll
        ? quoteLiteral(value)
        : value.replace(/'/g, "''");
    case 'raw':
    case 'csv':
      return values.join(',');
    case 'sqlstring':
      return values.map(quoteLiteral).join(',');
    case 'singlequote':
      return values.map((v) => `'${v.replace(/'/g, "\\'")}'`).join(',');
    case 'text':
      return values.map((v) => variable.options.find((o) => o.value === v)?.text ?? v).join(' + ');
    default:
      throw new Error(`variable format ${format} is not supported by this expander`);
  }
}

const quoteLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** Step 2: sqleng.Interpolate. */
export function expandGlobals(sql: string, context: ExpansionContext): string {
  return sql
    .replaceAll('$__interval_ms', String(context.intervalMs))
    .replaceAll('$__interval', formatInterval(context.intervalMs))
    .replaceAll('$__unixEpochFrom()', String(epochSeconds(context.from)))
    .replaceAll('$__unixEpochTo()', String(epochSeconds(context.to)));
}

/** Step 3: postgresMacroEngine.Interpolate (without TimescaleDB). */
export function expandMacros(sql: string, context: ExpansionContext): string {
  return sql.replace(MACRO, (match: string, name: string, rawArgs: string) => {
    const args = rawArgs.split(',').map((arg) => arg.trim());
    // Grafana's pre-5.3 compatibility: $__timeGroup directly followed by ',' gets the alias.
    const at = sql.indexOf(match) + match.length;
    const macro = name === '__timeGroup' && sql[at] === ',' ? '__timeGroupAlias' : name;
    return evaluateMacro(macro, args, context);
  });
}

function evaluateMacro(name: string, args: string[], { from, to }: ExpansionContext): string {
  const column = () => {
    if (!args[0]) throw new Error(`missing time column argument for macro ${name}`);
    return args[0];
  };
  const group = () => {
    if (args.length < 2)
      throw new Error(`macro ${name} needs time column and interval and optional fill value`);
    return `floor(extract(epoch from ${args[0]})/${parseIntervalSeconds(args[1])})*${parseIntervalSeconds(args[1])}`;
  };
  switch (name) {
    case '__time':
      return `${column()} AS "time"`;
    case '__timeEpoch':
      return `extract(epoch from ${column()}) as "time"`;
    case '__timeFilter':
      return `${column()} BETWEEN '${rfc3339Nano(from)}' AND '${rfc3339Nano(to)}'`;
    case '__timeFrom':
      return `'${rfc3339Nano(from)}'`;
    case '__timeTo':
      return `'${rfc3339Nano(to)}'`;
    case '__timeGroup':
      return group();
    case '__timeGroupAlias':
      return `${group()} AS "time"`;
    case '__unixEpochFilter':
      return `${column()} >= ${epochSeconds(from)} AND ${args[0]} <= ${epochSeconds(to)}`;
    default:
      throw new Error(`unknown macro "${name}"`);
  }
}

/** Go's time.RFC3339Nano in UTC: fraction without trailing zeros, none when whole seconds. */
export function rfc3339Nano(date: Date): string {
  return date
    .toISOString()
    .replace(/\.(\d*?)0*Z$/, (_m, digits: string) => (digits ? `.${digits}Z` : 'Z'));
}

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

const UNIT_SECONDS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
};

/** gtime.ParseInterval for the units dashboards use; months and years are calendar-dependent. */
export function parseIntervalSeconds(interval: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/.exec(interval.replace(/^'|'$/g, ''));
  if (!match) throw new Error(`error parsing interval ${interval}`);
  return Number(match[1]) * UNIT_SECONDS[match[2]];
}

/** rangeutil.secondsToHms: how the browser writes $__interval (largest whole unit). */
export function formatInterval(ms: number): string {
  const seconds = ms / 1000;
  const units: [number, string][] = [
    [Math.floor(seconds / 31536000), 'y'],
    [Math.floor((seconds % 31536000) / 86400), 'd'],
    [Math.floor(((seconds % 31536000) % 86400) / 3600), 'h'],
    [Math.floor((((seconds % 31536000) % 86400) % 3600) / 60), 'm'],
    [Math.floor((((seconds % 31536000) % 86400) % 3600) % 60), 's'],
    [Math.floor(ms), 'ms'],
  ];
  const first = units.find(([n]) => n > 0);
  return first ? `${first[0]}${first[1]}` : 'less than a millisecond';
}
