import type { QueryResult } from 'pg';

// PostgreSQL type OIDs (pg_type) Grafana turns into time and number fields.
const TIME_TYPES = new Set([1082, 1114, 1184]);
const NUMBER_TYPES = new Set([20, 21, 23, 700, 701, 1700]);
const TEXT_TYPES = new Set([25, 1043]);

const typeOf = (result: QueryResult, name: string) =>
  result.fields.find((f) => f.name === name)?.dataTypeID;
const isNumeric = (result: QueryResult, name: string) =>
  NUMBER_TYPES.has(typeOf(result, name) ?? -1);

/**
 * What Grafana's PostgreSQL backend needs from a time-series result (sqleng processFrame):
 * a `time` column, numeric values, an optional text `metric` column naming the series, and
 * rows ascending by time (long-to-wide conversion rejects anything else).
 */
export function timeSeriesProblems(result: QueryResult): string[] {
  const problems: string[] = [];
  const time = typeOf(result, 'time');
  if (time === undefined) return ['no "time" column'];
  if (!TIME_TYPES.has(time) && !NUMBER_TYPES.has(time)) problems.push(`"time" has type ${time}`);
  const metric = typeOf(result, 'metric');
  if (metric !== undefined && !TEXT_TYPES.has(metric)) problems.push(`"metric" has type ${metric}`);
  const values = result.fields.filter((f) => f.name !== 'time' && f.name !== 'metric');
  if (!values.some((f) => isNumeric(result, f.name))) problems.push('no numeric value column');
  const times = result.rows.map((row) =>
    Number(row.time instanceof Date ? row.time.getTime() : row.time),
  );
  if (times.some((t, i) => i > 0 && t < times[i - 1]))
    problems.push('rows are not ascending by time');
  return problems;
}

/** A stat reduces numeric fields: at least one column must be a number. */
export function statProblems(result: QueryResult): string[] {
  return result.fields.some((f) => isNumeric(result, f.name)) ? [] : ['no numeric column'];
}

/** SQL annotations need `time` and `text` (`timeend` and `tags` optional). */
export function annotationProblems(result: QueryResult): string[] {
  const names = result.fields.map((f) => f.name);
  return ['time', 'text'].filter((n) => !names.includes(n)).map((n) => `no "${n}" column`);
}

/** A variable shows `__text` and filters by `__value`, or uses its single column for both. */
export function variableProblems(result: QueryResult): string[] {
  const names = result.fields.map((f) => f.name).sort();
  const ok =
    names.length === 1 || (names.length === 2 && names[0] === '__text' && names[1] === '__value');
  return ok ? [] : [`columns ${names.join(', ')}: want one column or __text and __value`];
}
