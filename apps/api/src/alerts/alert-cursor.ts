import { invalid } from '../common/problem.exception';

/** Keyset position of a page: last_seen_at (to the microsecond, as text) and id of its last row. */
export interface AlertCursor {
  at: string;
  id: string;
}

export const encodeCursor = (cursor: AlertCursor) =>
  Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');

export function decodeCursor(text: string): AlertCursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof at === 'string' &&
      typeof id === 'string' &&
      !Number.isNaN(Date.parse(at)) &&
      /^[0-9a-f-]{36}$/i.test(id)
    )
      return { at, id };
  } catch {
    // reported below
  }
  throw invalid('cursor is not a cursor this API returned', [
    { field: 'cursor', reason: 'invalid cursor' },
  ]);
}
