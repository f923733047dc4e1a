import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../../test/support/database';
import { createDataSource, runMigrations } from '../data-source.factory';
import { SecretCipher, secretsKey } from './secret-cipher';
import { SecretsStore, SecretsUnavailable } from './secrets.store';

describe('SecretsStore (PostgreSQL)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let tenantA: string;
  let tenantB: string;
  const oldKey = secretsKey(randomBytes(32));
  const newKey = secretsKey(randomBytes(32));

  before(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource({ url: database.url });
    await dataSource.initialize();
    await runMigrations(dataSource);
    [{ id: tenantA }, { id: tenantB }] = await dataSource.query(
      `INSERT INTO tenants (slug, name) VALUES ('a', 'A'), ('b', 'B') RETURNING id`,
    );
  });
  after(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('keeps one value per owner and name, sealed, and tells a rotation from a creation', async () => {
    const store = new SecretsStore(dataSource.manager, new SecretCipher(oldKey));
    assert.equal((await store.put(tenantA, 'hook', 'first')).created, true);
    assert.equal((await store.put(tenantA, 'hook', 'second')).created, false);
    await store.put(tenantB, 'hook', 'b-value');
    await store.put(null, 'hook', 'operator-value');
    assert.equal(await store.reveal(tenantA, 'hook'), 'second');
    assert.equal(await store.reveal(tenantB, 'hook'), 'b-value');
    assert.equal(await store.reveal(null, 'hook'), 'operator-value');
    assert.equal(await store.reveal(tenantA, 'missing'), null);
    assert.deepEqual(
      (await store.list(tenantA)).map((s) => s.name),
      ['hook'],
    );
    assert.deepEqual([...(await store.existing(tenantB, ['hook', 'nope']))], ['hook']);
    const [row] = await dataSource.query(
      `SELECT count(*)::int AS n FROM secrets WHERE position(convert_to('second', 'UTF8') IN sealed) > 0`,
    );
    assert.equal(row.n, 0, 'the value is not stored in the clear');
  });

  it("does not open a value moved onto another tenant's row", async () => {
    const store = new SecretsStore(dataSource.manager, new SecretCipher(oldKey));
    await dataSource.query(
      `UPDATE secrets SET sealed = (SELECT sealed FROM secrets WHERE tenant_id = $1 AND name = 'hook')
        WHERE tenant_id = $2 AND name = 'hook'`,
      [tenantA, tenantB],
    );
    await assert.rejects(store.reveal(tenantB, 'hook'), /unable to authenticate|Unsupported state/);
    await store.put(tenantB, 'hook', 'b-value');
  });

  it('re-seals every value under a new key while the previous one still opens them', async () => {
    const rotated = new SecretsStore(dataSource.manager, new SecretCipher(newKey, [oldKey]));
    assert.equal(await rotated.reveal(tenantA, 'hook'), 'second');
    assert.equal(await rotated.reseal(), 3);
    assert.equal(await rotated.reseal(), 0);
    const onlyNew = new SecretsStore(dataSource.manager, new SecretCipher(newKey));
    assert.equal(await onlyNew.reveal(null, 'hook'), 'operator-value');
    const onlyOld = new SecretsStore(dataSource.manager, new SecretCipher(oldKey));
    await assert.rejects(onlyOld.reveal(null, 'hook'), new RegExp(`sealed with key ${newKey.id}`));
  });

  it('removes by owner and name, and refuses to seal without a key', async () => {
    const store = new SecretsStore(dataSource.manager, new SecretCipher(newKey));
    assert.ok(await store.remove(tenantA, 'hook'));
    assert.equal(await store.remove(tenantA, 'hook'), null);
    assert.equal(await store.reveal(tenantB, 'hook'), 'b-value');
    await assert.rejects(
      new SecretsStore(dataSource.manager, null).put(tenantA, 'x', 'y'),
      SecretsUnavailable,
    );
  });
});
