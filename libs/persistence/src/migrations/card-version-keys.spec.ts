import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../../test/support/database';
import { CARD_IDS, CARD_NOW, seedServiceCard } from '../../../../test/factories/seed-service-card';
import { createDataSource, runMigrations } from '../data-source.factory';

describe('migration CardVersionKeys', () => {
  let created: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  before(async () => {
    created = await createTestDatabase();
    dataSource = createDataSource({ url: created.url });
    await dataSource.initialize();
    await runMigrations(dataSource);
    await seedServiceCard(dataSource, CARD_NOW);
  });
  after(async () => {
    await dataSource.destroy();
    await created.drop();
  });

  /** Undoes the migrations applied after CardVersionKeys, then CardVersionKeys itself. */
  async function undoCardVersionKeys(): Promise<void> {
    for (;;) {
      const [last]: { name: string }[] = await dataSource.query(
        'SELECT name FROM migrations ORDER BY id DESC LIMIT 1',
      );
      await dataSource.undoLastMigration();
      if (last.name === 'CardVersionKeys1798300000000') return;
    }
  }

  const rows = (): Promise<{ contentHash: string; versionKey?: string; identity: object }[]> =>
    dataSource.query(
      `SELECT content_hash AS "contentHash", to_jsonb(c) -> 'version_key' #>> '{}' AS "versionKey",
              content -> 'identity' AS identity
         FROM model_cards c ORDER BY content_hash`,
    );

  it('keeps cards recorded before it as legacy versions, and undoes back to one row per content', async () => {
    await undoCardVersionKeys();
    // Two days' cards of the same runs: under content keys they were two rows.
    for (const [contentHash, day] of [
      ['a', 1],
      ['b', 2],
    ] as const)
      await dataSource.query(
        `INSERT INTO model_cards (model_id, scope, runs_hash, content_hash, run_ids, content, generated_at, last_generated_at)
         VALUES ($1, 'all', 'r', $2, $3, $4, $5, $5)`,
        [
          CARD_IDS.model,
          contentHash,
          [CARD_IDS.faqRun],
          { identity: { contentHash, runsHash: 'r', runIds: [CARD_IDS.faqRun] } },
          new Date(CARD_NOW.getTime() + day * 86_400_000),
        ],
      );
    await runMigrations(dataSource);
    assert.deepEqual(await rows(), [
      {
        contentHash: 'a',
        versionKey: 'legacy:a',
        identity: {
          contentHash: 'a',
          runsHash: 'r',
          runIds: [CARD_IDS.faqRun],
          versionKey: 'legacy:a',
        },
      },
      {
        contentHash: 'b',
        versionKey: 'legacy:b',
        identity: {
          contentHash: 'b',
          runsHash: 'r',
          runIds: [CARD_IDS.faqRun],
          versionKey: 'legacy:b',
        },
      },
    ]);
    // A version whose latest content repeats another's: undone, the newest row of that content stays.
    await dataSource.query(
      `INSERT INTO model_cards (model_id, scope, version_key, runs_hash, content_hash, run_ids, content, generated_at, last_generated_at)
       VALUES ($1, 'all', 'v', 'r', 'b', $2, '{"identity": {"versionKey": "v"}}', $3, $3)`,
      [CARD_IDS.model, [CARD_IDS.faqRun], new Date(CARD_NOW.getTime() + 3 * 86_400_000)],
    );
    await undoCardVersionKeys();
    assert.deepEqual(
      (await rows()).map((row) => [row.contentHash, row.versionKey ?? null, row.identity]),
      [
        ['a', null, { contentHash: 'a', runsHash: 'r', runIds: [CARD_IDS.faqRun] }],
        ['b', null, {}],
      ],
    );
  });
});
