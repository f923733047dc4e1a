import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Queue } from 'bullmq';
import { ServerPolicy } from '@lastmile/adapters';
import { loadConfig, RESERVED_ENV_NAMES } from '@lastmile/config';
import type { Database, Plan } from '@lastmile/persistence';
import { configureQueueBackend, RUNS_QUEUE } from '@lastmile/queue';
import { seedPlan, storeFixture } from '../../../../libs/persistence/src/testing/store-fixture';
import type { Principal } from '../auth/principal';
import { AuditService } from '../common/audit.service';
import { ProblemException } from '../common/problem.exception';
import { TenantsService } from '../tenants/tenants.service';
import { createPlanSchema } from './plan.dto';
import { PlanSchedulesService } from './plan-schedules.service';
import { PlansService } from './plans.service';

/** The plan rules of the API without HTTP: ownership, references, channels, schedules, quotas. */
describe('PlansService', () => {
  let fixture: Awaited<ReturnType<typeof storeFixture>>;
  let database: Database;
  let queue: Queue;
  let service: PlansService;
  let reference: Plan;
  let customer: Principal;
  const ml: Principal = {
    keyId: '00000000-0000-4000-8000-0000000000b1',
    role: 'ml',
    tenantId: null,
  };

  before(async () => {
    fixture = await storeFixture();
    database = fixture.database;
    queue = new Queue(RUNS_QUEUE, {
      connection: configureQueueBackend({ databaseUrl: fixture.url }).connection,
    });
    const config = loadConfig({
      DATABASE_URL: fixture.url,
      LASTMILE_TENANT_RUNS_PER_HOUR: '1',
    });
    const audit = new AuditService(database);
    service = new PlansService(
      database,
      audit,
      new TenantsService(database, audit),
      new PlanSchedulesService(queue),
      new ServerPolicy(config, RESERVED_ENV_NAMES),
      config,
      queue,
    );
    const tenant = await database.stores.tenants.create({ slug: 'plans-spec', name: 'P' });
    await database.stores.tenants.create({ slug: 'plans-other', name: 'O' });
    customer = {
      keyId: '00000000-0000-4000-8000-0000000000b2',
      role: 'customer',
      tenantId: tenant.id,
    };
    reference = await seedPlan(database, null);
  });
  after(async () => {
    await queue.close();
    await fixture.close();
  });

  const body = (fields: Record<string, unknown> = {}) =>
    createPlanSchema.parse({
      name: `plan-${Math.random()}`,
      modelId: reference.modelId,
      scenarioId: reference.scenarioId,
      ...fields,
    });
  const problem = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    assert.ok(error instanceof ProblemException, String(error));
    return {
      status: error.getStatus(),
      fields: error.errors.map((e) => e.field),
      detail: error.detail,
    };
  };

  it("keeps a customer's plans in its tenant and refuses another tenant's (403)", async () => {
    const own = await service.create(customer, body());
    assert.equal(own.tenantId, customer.tenantId);
    assert.equal(
      (await problem(service.create(customer, body({ tenant: 'plans-other' })))).status,
      403,
    );
  });

  it('refuses references that do not exist, field by field', async () => {
    const missing = '00000000-0000-4000-8000-00000000dead';
    assert.deepEqual(await problem(service.create(ml, body({ modelId: missing }))), {
      status: 400,
      fields: ['modelId'],
      detail: `model ${missing} does not exist`,
    });
    assert.deepEqual((await problem(service.create(ml, body({ sliceIds: [missing] })))).fields, [
      'sliceIds[0]',
    ]);
  });

  it('refuses a channel secret its owner has not stored and a customer schedule under the floor', async () => {
    const channels = [{ kind: 'webhook', url: 'https://hooks.example.com/x', secret: 'nope' }];
    assert.deepEqual((await problem(service.create(customer, body({ channels })))).fields, [
      'channels[0].secret',
    ]);
    assert.deepEqual(
      (await problem(service.create(customer, body({ cron: '* * * * *' })))).fields,
      ['cron'],
    );
    // The operator's keys are not held to the customer floor.
    assert.equal((await service.create(ml, body({ cron: '* * * * *' }))).cron, '* * * * *');
  });

  it("refuses a tenant's run past its hourly cap with 429 and Retry-After", async () => {
    const plan = await service.create(customer, body());
    await service.queueRun(customer, plan.id);
    const refused = await problem(service.queueRun(customer, plan.id));
    assert.equal(refused.status, 429);
    assert.match(refused.detail, /LASTMILE_TENANT_RUNS_PER_HOUR=1/);
  });
});
