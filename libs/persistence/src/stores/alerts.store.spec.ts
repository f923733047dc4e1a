import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan } from '../entities/plan.entity';
import { seedPlan, storeFixture } from '../testing/store-fixture';
import type { NewAlert } from './alerts.store';
import type { Database } from './database';

describe('AlertsStore (PostgreSQL)', () => {
  let fixture: Awaited<ReturnType<typeof storeFixture>>;
  let database: Database;
  let plan: Plan;

  before(async () => {
    fixture = await storeFixture();
    database = fixture.database;
    plan = await seedPlan(database);
  });
  after(async () => fixture.close());

  const newAlert = (dedupKey: string): NewAlert => ({
    dedupKey,
    type: 'drift',
    planId: plan.id,
    tenantId: null,
    sliceId: null,
    subgroup: 'all',
    metric: 'wer',
    severity: 'warning',
    title: 'wer worse',
    evidence: { n: 1 },
    runId: null as unknown as string,
    modelId: plan.modelId,
  });

  it('stores every transition the state machine names, and the latest row of a key', async () => {
    const { alerts } = database.stores;
    const id = await alerts.apply({ action: 'open', alert: newAlert('k1') });
    await alerts.apply({
      action: 'seen',
      id,
      finding: {
        severity: 'critical',
        title: 't2',
        evidence: {},
        runId: null as unknown as string,
        modelId: plan.modelId,
      },
    });
    let [latest] = await alerts.latest(['k1']);
    assert.deepEqual(
      { status: latest.status, severity: latest.severity, cleanRuns: latest.cleanRuns },
      { status: 'open', severity: 'critical', cleanRuns: 0 },
    );
    await alerts.apply({ action: 'acknowledge', id });
    await alerts.apply({ action: 'clean', id, cleanRuns: 1 });
    await alerts.apply({ action: 'resolve', id, cleanRuns: 2 });
    [latest] = await alerts.latest(['k1']);
    assert.deepEqual([latest.status, latest.cleanRuns], ['resolved', 2]);
    await alerts.apply({
      action: 'reopen',
      id,
      finding: {
        severity: 'warning',
        title: 't3',
        evidence: {},
        runId: null as unknown as string,
        modelId: plan.modelId,
      },
    });
    const row = await alerts.findVisible(id, null);
    assert.deepEqual(
      [row!.status, row!.seenCount, row!.acknowledgedAt, row!.resolvedAt],
      ['open', 3, null, null],
    );
    assert.equal(await alerts.findVisible(id, '00000000-0000-4000-8000-000000000001'), null);
  });

  it('pages the list newest first with a keyset cursor that never repeats or skips a row', async () => {
    const { alerts } = database.stores;
    for (let i = 0; i < 5; i++)
      await alerts.apply({ action: 'open', alert: newAlert(`page-${i}`) });
    const seen: string[] = [];
    let after: { at: string; id: string } | undefined;
    for (;;) {
      const page = await alerts.list({ planId: plan.id, limit: 2, after });
      seen.push(...page.items.map((item) => item.id));
      if (!page.next) break;
      after = page.next;
    }
    const all = await alerts.list({ planId: plan.id, limit: 100 });
    assert.deepEqual(
      seen,
      all.items.map((item) => item.id),
    );
    assert.equal(new Set(seen).size, 6);
  });

  it('records events and delivery attempts, and finds channels whose last three attempts failed', async () => {
    const { alerts } = database.stores;
    const id = await alerts.apply({ action: 'open', alert: newAlert('deliveries') });
    const eventId = await alerts.addEvent({ alertId: id, event: 'opened' });
    for (let attempt = 1; attempt <= 3; attempt++)
      await alerts.recordDelivery({
        alertId: id,
        channelKey: 'webhook:dead.example:abc',
        event: 'opened',
        idempotencyKey: `lm-${id}-${eventId}-x`,
        attempt,
        delivered: false,
        responseStatus: 503,
        error: 'POST dead.example answered 503',
      });
    assert.deepEqual(
      (await alerts.failingChannels()).map((c) => c.channel),
      ['webhook:dead.example:abc'],
    );
    assert.deepEqual(
      [...(await alerts.attempted([`lm-${id}-${eventId}-x`, 'other']))],
      [`lm-${id}-${eventId}-x`],
    );
    const message = await alerts.message(eventId);
    assert.equal(message?.id, id);
    const history = await alerts.history(id);
    assert.equal(history.events.length, 1);
    assert.equal(history.notifications.length, 3);
  });
});
