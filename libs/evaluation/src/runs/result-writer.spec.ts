import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DataSource } from 'typeorm';
import {
  createDataSource,
  InstanceResult,
  Model,
  ResultsStore,
  Run,
  runMigrations,
} from '@lastmile/persistence';
import { createTestDatabase } from '../../../../test/support/database';
import { ResultWriter, type ResultRow } from './result-writer';

describe('ResultWriter', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let runId: string;
  const sliceId = '00000000-0000-4000-8000-0000000000aa';

  before(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource({ url: database.url, poolSize: 2 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    const model = await dataSource.getRepository(Model).save({
      name: 'writer-spec',
      version: '1',
      modality: 'text',
      adapter: { kind: 'openai-chat' },
      adapterHash: 'h',
      defaultParams: {},
    });
    runId = (
      await dataSource
        .getRepository(Run)
        .save({ modelId: model.id, status: 'running', trigger: 'cli' })
    ).id;
  });
  after(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const row = (itemKey: string, overrides: Partial<ResultRow> = {}): ResultRow => ({
    runId,
    sliceId,
    itemKey,
    sample: 0,
    request: { messages: [{ role: 'user', content: `it's "${itemKey}" \\ {a,b}` }] },
    response: `answer, with "quotes" and {braces} for ${itemKey}`,
    latencyMs: 12,
    error: null,
    stats: { exact_match: 1 },
    attributes: { topic: 'geo' },
    ...overrides,
  });

  it('stores every field as given and reports written rows and errors', async () => {
    const reports: { done: number; errors: number }[] = [];
    const writer = new ResultWriter(
      new ResultsStore(dataSource.manager),
      async (written) => void reports.push(written),
      2,
    );
    const failed = row('b', {
      response: null,
      latencyMs: null,
      stats: {},
      error: { code: 'timeout', message: 'no answer' },
    });
    await writer.add(row('a'));
    await writer.add(failed);
    await writer.add(row('c', { sample: 1 }));
    await writer.flush();
    assert.deepEqual(reports, [
      { done: 2, errors: 1 },
      { done: 1, errors: 0 },
    ]);
    const stored = await dataSource
      .getRepository(InstanceResult)
      .find({ where: { runId }, order: { itemKey: 'ASC' } });
    // Everything the writer was given; the id and timestamp are the database's.
    const fields = ({ id: _id, createdAt: _createdAt, ...given }: InstanceResult) => given;
    assert.deepEqual(stored.map(fields), [row('a'), failed, row('c', { sample: 1 })]);
  });

  it('ignores a replayed batch and counts only the rows that were new', async () => {
    const reports: { done: number; errors: number }[] = [];
    const writer = new ResultWriter(
      new ResultsStore(dataSource.manager),
      async (written) => void reports.push(written),
      10,
    );
    await writer.add(row('a'));
    await writer.add(row('d'));
    await writer.flush();
    assert.deepEqual(reports, [{ done: 1, errors: 0 }]);
    assert.equal(await dataSource.getRepository(InstanceResult).countBy({ runId }), 4);
  });
});
