import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  logging?: boolean;
}

/** The one way every process builds its DataSource: schema only ever changes through migrations. */
export function createDataSource({
  url,
  poolSize = 10,
  logging = false,
}: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    uuidExtension: 'pgcrypto',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    logging,
    // Idle connections are kept 5 minutes, not pg-pool's 10 s: a new one costs ~30 ms of SCRAM and
    // backend start-up, and re-opening a few at once every 10 s stalled API reads for up to 0.9 s.
    extra: { max: poolSize, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 300_000 },
  });
}

export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}

/** Names of the migrations applied to this database, oldest first. */
export async function appliedMigrations(dataSource: DataSource): Promise<string[]> {
  const rows: { name: string }[] = await dataSource.query(
    'SELECT name FROM migrations ORDER BY id',
  );
  return rows.map((row) => row.name);
}
