/**
 * SQL for a timestamptz rendered exactly as JSON renders a Date (UTC, milliseconds): hot read
 * endpoints select text instead of parsing a Date per row only to print it again.
 */
export function isoTimestampSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
