import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase } from './embedded-database';
import { createDataSource, runMigrations } from './data-source.factory';

describe('embedded database', () => {
  it('starts under LASTMILE_HOME, migrates, stops, and keeps its data for the next start', async () => {
    const home = mkdtempSync(join(tmpdir(), 'lastmile-home-'));
    try {
      const first = await startEmbeddedDatabase(home);
      const dataSource = createDataSource({ url: first.url });
      await dataSource.initialize();
      const applied = await runMigrations(dataSource);
      assert.ok(applied.length > 0);
      await dataSource.query(`INSERT INTO tenants (slug, name) VALUES ('acme', 'Acme')`);
      await dataSource.destroy();
      await first.stop();
      assert.equal(
        existsSync(join(home, 'postgres', 'postmaster.pid')),
        false,
        'server stopped cleanly',
      );

      const second = await startEmbeddedDatabase(home);
      const again = createDataSource({ url: second.url });
      await again.initialize();
      assert.deepEqual(await runMigrations(again), []);
      const rows: { slug: string }[] = await again.query('SELECT slug FROM tenants');
      assert.deepEqual(rows, [{ slug: 'acme' }]);
      await again.destroy();
      await second.stop();

      // A server that cannot start is a clear error with postgres' own reason, not a hang.
      appendFileSync(join(home, 'postgres', 'postgresql.auto.conf'), "shared_buffers = 'plenty'\n");
      await assert.rejects(
        startEmbeddedDatabase(home),
        /did not start: postgres exited \(code 1\) before accepting connections:[\s\S]*shared_buffers/,
      );
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
