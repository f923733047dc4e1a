/** A jsonb parameter: SQL NULL for null and undefined (JSON.stringify(null) would store JSON null). */
export const jsonOrNull = (value: unknown) =>
  value === undefined || value === null ? null : JSON.stringify(value);
