import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan } from '../entities/plan.entity';
import { seedPlan, storeFixture } from '../testing/store-fixture';
import type { Database } from './database';
import { FINISHED_RUN_STATUSES, isFinishedRun, QUOTA_EXCEEDED } from './runs.store';

const provenance = {
  modelSpecHash: 'h',
  sliceHashes: {},
  scenarioKind: 'qa',
  scenarioVersion: '1',
  harnessVersion: 'spec',
  seed: 0,
};

describe('RunsStore (PostgreSQL)', () => {
  let fixture: Awaited<ReturnType<typeof storeFixture>>;
  let database: Database;
  let plan: Plan;
  let tenantId: string;
  const slice = '00000000-0000-4000-8000-0000000000aa';

  before(async () => {
    fixture = await storeFixture();
    database = fixture.database;
    tenantId = (await database.stores.tenants.create({ slug: 'runs-spec', name: 'R' })).id;
    plan = await seedPlan(database, tenantId);
  });
  after(async () => fixture.close());

  const result = (runId: string, itemKey: string, error = false) => ({
    runId,
    sliceId: slice,
    itemKey,
    sample: 0,
    request: null,
    response: error ? null : 'a',
    latencyMs: 1,
    error: error ? { code: 'timeout' } : null,
    stats: {},
    attributes: {},
  });

  it('has one set of finished statuses', () => {
    assert.deepEqual([...FINISHED_RUN_STATUSES], ['succeeded', 'partial', 'failed', 'cancelled']);
    assert.equal(isFinishedRun('running'), false);
    assert.equal(isFinishedRun('partial'), true);
  });

  it('starts a run and says how many results earlier attempts stored (a resumed run skips them)', async () => {
    const run = await database.stores.runs.createForPlan(plan, 'manual');
    assert.equal(run.status, 'queued');
    assert.deepEqual(await database.stores.runs.start(run.id, 3, provenance), { storedBefore: 0 });
    await database.stores.results.insertBatch([result(run.id, 'a'), result(run.id, 'b', true)]);
    // The regression of round 1: UPDATE … RETURNING came back as [rows, count], read as undefined.
    assert.deepEqual(await database.stores.runs.start(run.id, 3, provenance), { storedBefore: 2 });
    const started = await database.stores.runs.find(run.id);
    assert.deepEqual([started!.status, started!.done, started!.errors], ['running', 2, 1]);
  });

  it('counts progress, recounts at the finish and fails an unfinished run once', async () => {
    const run = await database.stores.runs.createForPlan(plan, 'manual');
    await database.stores.runs.start(run.id, 2, provenance);
    await database.stores.runs.addProgress(run.id, 5, 1);
    await database.stores.results.insertBatch([result(run.id, 'a')]);
    assert.deepEqual(await database.stores.runs.resultCounts(run.id), {
      done: 1,
      errors: 0,
      byCode: null,
    });
    await database.stores.runs.finish(run.id, 'succeeded', null);
    const finished = await database.stores.runs.find(run.id);
    assert.deepEqual([finished!.status, finished!.done, finished!.errors], ['succeeded', 1, 0]);
    assert.equal(await database.stores.runs.failUnfinished(run.id, 'too late'), false);
    const other = await database.stores.runs.createForPlan(plan, 'manual');
    assert.equal(await database.stores.runs.failUnfinished(other.id, 'job lost'), true);
    assert.deepEqual((await database.stores.runs.find(other.id))!.errorSummary, {
      reason: 'job lost',
    });
  });

  it('cancels a queued run at once and only flags a running one', async () => {
    const queued = await database.stores.runs.createForPlan(plan, 'manual');
    await database.stores.runs.requestCancel(queued.id);
    assert.equal((await database.stores.runs.find(queued.id))!.status, 'cancelled');
    const running = await database.stores.runs.createForPlan(plan, 'manual');
    await database.stores.runs.start(running.id, 1, provenance);
    await database.stores.runs.requestCancel(running.id);
    assert.equal((await database.stores.runs.find(running.id))!.status, 'running');
    assert.equal(await database.stores.runs.isCancelRequested(running.id), true);
  });

  it("counts a tenant's hour of runs and planned calls, leaving out quota refusals and the run judged", async () => {
    const usage = await database.stores.runs.tenantUsageLastHour(tenantId);
    const refused = await database.stores.runs.createForPlan(plan, 'schedule');
    await database.stores.runs.failUnfinished(refused.id, 'over quota', QUOTA_EXCEEDED);
    const judged = await database.stores.runs.createForPlan(plan, 'manual');
    const after = await database.stores.runs.tenantUsageLastHour(tenantId, judged.id);
    assert.equal(after.runs, usage.runs, 'neither the refusal nor the judged run counts');
    assert.equal((await database.stores.runs.tenantUsageLastHour(tenantId)).runs, usage.runs + 1);
    assert.ok(usage.plannedCalls >= 5, 'totals of started runs add up');
  });

  it('lists runs that may have lost their job: queued or running and older than the grace', async () => {
    const fresh = await database.stores.runs.createForPlan(plan, 'manual');
    assert.ok(!(await database.stores.runs.lostCandidates(30)).some((r) => r.id === fresh.id));
    const candidates = await database.stores.runs.lostCandidates(0);
    assert.ok(candidates.some((r) => r.id === fresh.id && r.status === 'queued'));
    assert.ok(candidates.every((r) => r.status === 'queued' || r.status === 'running'));
  });
});
