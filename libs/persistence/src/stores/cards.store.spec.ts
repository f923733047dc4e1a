import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../../test/support/database';
import { CARD_IDS, CARD_NOW, seedServiceCard } from '../../../../test/factories/seed-service-card';
import { createDataSource, runMigrations } from '../data-source.factory';
import { Database } from './database';
import type { CardScope } from './cards.store';

describe('CardsStore (PostgreSQL)', () => {
  let created: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let database: Database;
  const all: CardScope = { kind: 'all' };
  const acme: CardScope = { kind: 'tenant', tenantId: CARD_IDS.acme };

  before(async () => {
    created = await createTestDatabase();
    dataSource = createDataSource({ url: created.url });
    await dataSource.initialize();
    await runMigrations(dataSource);
    await seedServiceCard(dataSource, CARD_NOW);
    database = new Database(dataSource);
  });
  after(async () => {
    await dataSource.destroy();
    await created.drop();
  });

  it("picks each live plan's latest finished run per slice, in scope", async () => {
    const rows = await database.stores.cards.evaluations(CARD_IDS.model, all);
    assert.deepEqual(rows.map((r) => r.runId).sort(), [
      CARD_IDS.faqRun,
      CARD_IDS.acmeRun,
      CARD_IDS.globexRun,
      CARD_IDS.loansRun,
    ]);
    const scoped = await database.stores.cards.evaluations(CARD_IDS.model, acme);
    assert.deepEqual(scoped.map((r) => r.sliceName).sort(), [
      'acme-tickets',
      'faq-public',
      'loan-applicants',
    ]);
    assert.deepEqual(scoped.map((r) => [r.sliceName, r.sliceOwned]).sort(), [
      ['acme-tickets', true],
      ['faq-public', false],
      ['loan-applicants', false],
    ]);
  });

  it('leaves out the runs and plans of bounty programs (sealed pools)', async () => {
    await dataSource.query(
      `INSERT INTO bounty_programs (id, name, model_id, scenario_id, pool_slice_id, plan_id, metric, min_effect, alpha, w0, budget, daily_limit, min_subset_items, effect_rounding, public_item_keys)
       VALUES (gen_random_uuid(), 'p', $1, $2, $3, $4, 'exact_match', 0.05, 0.05, 0.025, 10, 5, 10, 0.05, '{}')`,
      [CARD_IDS.model, CARD_IDS.loans, CARD_IDS.loanApplicants, CARD_IDS.loansPlan],
    );
    try {
      const rows = await database.stores.cards.evaluations(CARD_IDS.model, all);
      assert.ok(!rows.some((r) => r.planId === CARD_IDS.loansPlan));
      const plans = await database.stores.cards.plans(CARD_IDS.model, all);
      assert.ok(!plans.some((p) => p.planId === CARD_IDS.loansPlan));
      assert.equal((await database.stores.cards.span(CARD_IDS.model, all)).runs, 4);
    } finally {
      await dataSource.query('DELETE FROM bounty_programs WHERE plan_id = $1', [
        CARD_IDS.loansPlan,
      ]);
    }
  });

  it('counts runs and incidents only in scope, incidents only in the window', async () => {
    assert.deepEqual(await database.stores.cards.span(CARD_IDS.model, acme), {
      first: '2026-01-14T12:00:00.000Z',
      last: '2026-03-14T12:00:00.000Z',
      runs: 4,
    });
    const since = new Date('2025-12-15T00:00:00Z');
    const everything = await database.stores.cards.incidents(CARD_IDS.model, all, since);
    assert.equal(everything.length, 3, 'the one resolved 190 days ago is out of the window');
    const scoped = await database.stores.cards.incidents(CARD_IDS.model, acme, since);
    assert.deepEqual(
      scoped.map((i) => i.sliceName),
      ['acme-tickets', 'faq-public'],
    );
  });

  it('keeps one row per version and scope, counting generations and keeping the latest content', async () => {
    const day = 86_400_000;
    const card = (versionKey: string, contentHash: string, scope: CardScope, at = CARD_NOW) => ({
      modelId: CARD_IDS.model,
      scope,
      versionKey,
      runsHash: 'r',
      contentHash,
      runIds: [CARD_IDS.faqRun],
      content: { contentHash },
      generatedAt: at,
    });
    const first = await database.stores.cards.record(card('v1', 'a', all));
    const nextDay = new Date(CARD_NOW.getTime() + day);
    const again = await database.stores.cards.record(card('v1', 'a2', all, nextDay));
    assert.deepEqual(again, first, 'same version: same row, first generation time');
    // A generation for an earlier time counts, but does not replace the later content.
    await database.stores.cards.record(card('v1', 'a0', all, new Date(CARD_NOW.getTime() - day)));
    await database.stores.cards.record(card('v2', 'b', all));
    await database.stores.cards.record(card('v1', 'a', acme));
    const history = await database.stores.cards.history(CARD_IDS.model, all);
    assert.deepEqual(
      history
        .map((h) => [h.versionKey, h.contentHash, h.generationCount, h.lastGeneratedAt])
        .sort(),
      [
        ['v1', 'a2', 3, nextDay.toISOString()],
        ['v2', 'b', 1, CARD_NOW.toISOString()],
      ],
    );
    const stored = await database.stores.cards.find(CARD_IDS.model, all, first.id);
    assert.deepEqual(stored?.content, { contentHash: 'a2' });
    assert.equal((await database.stores.cards.history(CARD_IDS.model, acme)).length, 1);
    assert.equal(await database.stores.cards.find(CARD_IDS.model, acme, first.id), null);
  });

  it('sets the notes given and keeps the others', async () => {
    const saved = await database.stores.cards.saveNotes(
      CARD_IDS.previous,
      { contact: 'a@b.c' },
      null,
    );
    assert.deepEqual([saved.intendedUse, saved.contact], [null, 'a@b.c']);
    const updated = await database.stores.cards.saveNotes(
      CARD_IDS.previous,
      { intendedUse: 'x' },
      null,
    );
    assert.deepEqual([updated.intendedUse, updated.contact], ['x', 'a@b.c']);
    const cleared = await database.stores.cards.saveNotes(
      CARD_IDS.previous,
      { contact: null },
      null,
    );
    assert.equal(cleared.contact, null);
  });
});
