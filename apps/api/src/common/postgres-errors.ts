/** Postgres SQLSTATE 23505: a unique constraint refused the write. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string; driverError?: { code?: string } })?.driverError?.code === '23505' ||
    (error as { code?: string })?.code === '23505';
}

/** SQLSTATE 23503: a foreign key refused the write (a referenced row is missing or still used). */
export function isForeignKeyViolation(error: unknown): boolean {
  return (error as { driverError?: { code?: string } })?.driverError?.code === '23503' ||
    (error as { code?: string })?.code === '23503';
}
