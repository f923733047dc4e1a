import type { DataSource } from 'typeorm';

/** Tables the API writes to: a refused request must leave every count unchanged. */
export const WRITTEN_TABLES = [
  'tenants',
  'api_keys',
  'models',
  'scenarios',
  'plans',
  'runs',
  'audit_log',
  'secrets',
] as const;
export type RowCounts = Record<(typeof WRITTEN_TABLES)[number], number>;

export async function rowCounts(dataSource: DataSource): Promise<RowCounts> {
  const columns = WRITTEN_TABLES.map((table) => `(SELECT count(*) FROM ${table})::int AS ${table}`);
  const [row] = await dataSource.query(`SELECT ${columns.join(', ')}`);
  return row as RowCounts;
}

export interface AuditRow {
  actorKeyId: string | null;
  actorRole: string;
  action: string;
  entity: string;
  entityId: string | null;
  detail: Record<string, unknown>;
}

/** Audit entries after `afterId` (exclusive), oldest first. */
export async function auditEntriesSince(
  dataSource: DataSource,
  afterId: number,
): Promise<AuditRow[]> {
  return dataSource.query(
    `SELECT actor_key_id AS "actorKeyId", actor_role AS "actorRole", action, entity,
            entity_id AS "entityId", detail
     FROM audit_log WHERE id > $1 ORDER BY id`,
    [afterId],
  );
}

export async function lastAuditId(dataSource: DataSource): Promise<number> {
  const [row] = await dataSource.query('SELECT coalesce(max(id), 0)::int AS id FROM audit_log');
  return row.id as number;
}

/** Id of the key created from LASTMILE_ADMIN_KEY at start-up. */
export async function adminKeyId(dataSource: DataSource): Promise<string> {
  const [row] = await dataSource.query(`SELECT id FROM api_keys WHERE name = 'LASTMILE_ADMIN_KEY'`);
  return row.id as string;
}
