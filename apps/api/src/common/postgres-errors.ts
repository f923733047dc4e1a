/** Postgres SQLSTATE 23505: a unique constraint refused the write. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    (error as { code?: string; driverError?: { code?: string } })?.driverError?.code === '23505' ||
    (error as { code?: string })?.code === '23505'
  );
}

/** SQLSTATE 23503: a foreign key refused the write (a referenced row is missing or still used). */
export function isForeignKeyViolation(error: unknown): boolean {
  return (
    (error as { driverError?: { code?: string } })?.driverError?.code === '23503' ||
    (error as { code?: string })?.code === '23503'
  );
}

/** SQLSTATE 22021 (text) or 22P05 (jsonb): a NUL character in a value no validation saw (a path or query). */
export function isUntranslatableCharacter(error: unknown): boolean {
  const code =
    (error as { driverError?: { code?: string } })?.driverError?.code ??
    (error as { code?: string })?.code;
  return code === '22021' || code === '22P05';
}
