import type { Queryable } from './queryable';

/** Records one transition of an alert; its id names the notifications it causes. */
export async function insertAlertEvent(
  db: Queryable,
  event: {
    alertId: string;
    event: string;
    actorKeyId?: string | null;
    note?: string | null;
    runId?: string | null;
  },
): Promise<string> {
  const rows: { id: string }[] = await db.query(
    'INSERT INTO alert_events (alert_id, event, actor_key_id, note, run_id) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [event.alertId, event.event, event.actorKeyId ?? null, event.note ?? null, event.runId ?? null],
  );
  return String(rows[0].id);
}
