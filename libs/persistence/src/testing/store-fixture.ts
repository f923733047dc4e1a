import { createTestDatabase } from '../../../../test/support/database';
import { createDataSource, runMigrations } from '../data-source.factory';
import type { Plan } from '../entities/plan.entity';
import { Database } from '../stores/database';

/** A migrated database of the test server with a Database on it, for store specs. */
export async function storeFixture(): Promise<{
  database: Database;
  url: string;
  close(): Promise<void>;
}> {
  const created = await createTestDatabase();
  const dataSource = createDataSource({ url: created.url, poolSize: 4 });
  await dataSource.initialize();
  await runMigrations(dataSource);
  return {
    database: new Database(dataSource),
    url: created.url,
    close: async () => {
      await dataSource.destroy();
      await created.drop();
    },
  };
}

/** A model, a scenario and a plan (of `tenantId`, or the operator's), through the stores. */
export async function seedPlan(database: Database, tenantId: string | null = null): Promise<Plan> {
  const { models, scenarios, plans } = database.stores;
  const suffix = Math.random().toString(36).slice(2, 8);
  const model = await models.create({
    name: `m-${suffix}`,
    version: '1',
    modality: 'text',
    adapter: { kind: 'openai-chat' },
    adapterHash: 'h',
    defaultParams: {},
  });
  const scenario = await scenarios.create({ name: `s-${suffix}`, kind: 'qa', config: {} });
  return plans.save({
    name: `p-${suffix}`,
    modelId: model.id,
    scenarioId: scenario.id,
    sliceIds: [],
    tenantId,
    cron: null,
    timezone: 'UTC',
    enabled: true,
    sampleSize: null,
    seed: 0,
    baselinePolicy: { kind: 'first_n', n: 2 },
    alertPolicy: {
      alpha: 0.05,
      minEffect: 0.02,
      severity: { warning: 0.02, critical: 0.1 },
      autoResolveAfter: 2,
    },
    channels: [],
    cacheResponses: false,
  });
}
