import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase } from '../../../../test/support/database';
import { createDataSource, runMigrations } from '../data-source.factory';
import { MIGRATIONS } from './index';

describe('migrations', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => database.drop());

  it('apply to an empty database, match the entities, and roll back to empty', async () => {
    const dataSource = createDataSource({ url: database.url });
    await dataSource.initialize();
    try {
      const applied = await runMigrations(dataSource);
      assert.equal(applied.length, MIGRATIONS.length);
      const pending = await dataSource.driver.createSchemaBuilder().log();
      assert.deepEqual(
        pending.upQueries.map((query) => query.query),
        [],
        'entities and migrations disagree',
      );
      for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration();
      const rows: { n: number }[] = await dataSource.query(
        "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'",
      );
      assert.equal(rows[0].n, 0);
    } finally {
      await dataSource.destroy();
    }
  });
});
