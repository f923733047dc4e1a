import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Queue } from 'bullmq';
import { configureQueueBackend, NOTIFICATIONS_QUEUE } from '@lastmile/queue';
import { seedPlan, storeFixture } from '../../../../libs/persistence/src/testing/store-fixture';
import type { Database, Plan } from '@lastmile/persistence';
import type { Principal } from '../auth/principal';
import { AuditService } from '../common/audit.service';
import { ProblemException } from '../common/problem.exception';
import { TenantsService } from '../tenants/tenants.service';
import { AlertNotifier } from './alert-notifier';
import { AlertsService } from './alerts.service';

/** The alert rules of the API without HTTP: state transitions, tenant scope, pagination. */
describe('AlertsService', () => {
  let fixture: Awaited<ReturnType<typeof storeFixture>>;
  let database: Database;
  let queue: Queue;
  let service: AlertsService;
  let plan: Plan;
  let tenantId: string;
  const oncall: Principal = {
    keyId: '00000000-0000-4000-8000-0000000000a1',
    role: 'oncall',
    tenantId: null,
  };
  let customer: Principal;
  let otherCustomer: Principal;

  before(async () => {
    fixture = await storeFixture();
    database = fixture.database;
    const connection = configureQueueBackend({ databaseUrl: fixture.url });
    queue = new Queue(NOTIFICATIONS_QUEUE, { connection: connection.connection });
    const audit = new AuditService(database);
    service = new AlertsService(
      database,
      audit,
      new TenantsService(database, audit),
      new AlertNotifier(queue),
    );
    tenantId = (await database.stores.tenants.create({ slug: 'alerts-spec', name: 'A' })).id;
    const other = await database.stores.tenants.create({ slug: 'alerts-other', name: 'B' });
    customer = { keyId: '00000000-0000-4000-8000-0000000000a2', role: 'customer', tenantId };
    otherCustomer = {
      keyId: '00000000-0000-4000-8000-0000000000a3',
      role: 'customer',
      tenantId: other.id,
    };
    plan = await seedPlan(database, tenantId);
  });
  after(async () => {
    await queue.close();
    await fixture.close();
  });

  const openAlert = (dedupKey: string) =>
    database.stores.alerts.apply({
      action: 'open',
      alert: {
        dedupKey,
        type: 'drift',
        planId: plan.id,
        tenantId,
        sliceId: null,
        subgroup: 'all',
        metric: 'wer',
        severity: 'warning',
        title: 'wer worse',
        evidence: {},
        runId: null as unknown as string,
        modelId: plan.modelId,
      },
    });

  const conflictOf = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    assert.ok(error instanceof ProblemException, String(error));
    return error;
  };

  it('acknowledges only an open alert and resolves any unresolved one, with an event each', async () => {
    const id = await openAlert('svc-1');
    const acknowledged = await service.acknowledge(oncall, id, 'looking');
    assert.equal(acknowledged.status, 'acknowledged');
    const again = await conflictOf(service.acknowledge(oncall, id, undefined));
    assert.equal(again.getStatus(), 409);
    assert.match(again.detail, /only an open alert can be acknowledged/);
    const resolved = await service.resolve(oncall, id, 'fixed');
    assert.equal(resolved.status, 'resolved');
    assert.deepEqual(
      resolved.events.map((e) => [e.event, e.note]),
      [
        ['acknowledged', 'looking'],
        ['resolved', 'fixed'],
      ],
    );
    assert.match(
      (await conflictOf(service.resolve(oncall, id, undefined))).detail,
      /already resolved/,
    );
  });

  it("hides another tenant's alert (404) and lists a customer's own only", async () => {
    const id = await openAlert('svc-2');
    assert.equal((await conflictOf(service.get(otherCustomer, id))).getStatus(), 404);
    assert.equal((await service.get(customer, id)).id, id);
    assert.deepEqual((await service.list(otherCustomer, { limit: 50 })).items, []);
    const own = await service.list(customer, { limit: 50 });
    assert.ok(own.items.every((alert) => alert.tenantId === tenantId));
  });

  it('pages with opaque cursors and refuses one it did not issue', async () => {
    for (let i = 0; i < 3; i++) await openAlert(`svc-page-${i}`);
    const first = await service.list(oncall, { limit: 2 });
    assert.equal(first.items.length, 2);
    assert.ok(first.nextCursor);
    const second = await service.list(oncall, { limit: 2, cursor: first.nextCursor! });
    assert.ok(second.items.every((item) => !first.items.some((seen) => seen.id === item.id)));
    assert.equal(
      (await conflictOf(service.list(oncall, { limit: 2, cursor: 'nonsense' }))).getStatus(),
      400,
    );
  });
});
