// SQLSTATEs of a database that is restarting or out of connections, not of a bad query:
// class 08 (connection exception), 57P01-57P03 (shutdown, crash, cannot connect now), 53300.
const TRANSIENT_SQLSTATE = /^(08...|57P0[123]|53300)$/;
const TRANSIENT_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// node-postgres reports a dropped or refused connection with plain Errors and these messages.
const TRANSIENT_MESSAGE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable|Client was closed/i;

/**
 * Whether an error means the database (or the network to it) is briefly unavailable, so the same
 * work can succeed once it is back. TypeORM wraps driver errors; both layers are looked at.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    if (typeof current !== 'object') return false;
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (
      typeof code === 'string' &&
      (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_SOCKET_CODES.has(code))
    )
      return true;
    if (typeof message === 'string' && TRANSIENT_MESSAGE.test(message)) return true;
    const nested = current as { driverError?: unknown; cause?: unknown };
    current = nested.driverError ?? nested.cause;
  }
  return false;
}
