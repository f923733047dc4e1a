import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Plan } from '../entities/plan.entity';
import { seedPlan, storeFixture } from '../testing/store-fixture';
import type { Database } from './database';

describe('BountiesStore (PostgreSQL)', () => {
  let fixture: Awaited<ReturnType<typeof storeFixture>>;
  let database: Database;
  let plan: Plan;
  let sourceId: string;
  let programId: string;
  let poolId: string;
  let researcherKeyId: string;

  before(async () => {
    fixture = await storeFixture();
    database = fixture.database;
    const tenant = await database.stores.tenants.create({ slug: 'bounties-spec', name: 'B' });
    plan = await seedPlan(database, tenant.id);
    const items = ['a', 'b', 'c', 'd'].map((id, i) => ({
      id,
      input: `q${id}`,
      references: ['x'],
      attributes: { group: i < 2 ? 'g1' : 'g2' },
    }));
    const source = await database.transaction((stores) =>
      stores.slices.store(tenant.id, 'source', {
        contentHash: 'hash-source',
        modality: 'text',
        attributes: { group: ['g1', 'g2'] },
        items,
      } as never),
    );
    sourceId = source.slice.id;
    programId = randomUUID();
    poolId = (await database.transaction((stores) =>
      stores.bounties.sealPool(sourceId, programId),
    ))!;
    await database.stores.bounties.createProgram({
      id: programId,
      name: 'spec',
      modelId: plan.modelId,
      scenarioId: plan.scenarioId,
      sourceSliceId: sourceId,
      poolSliceId: poolId,
      planId: plan.id,
      metric: 'exact_match',
      minEffect: 0.05,
      alpha: 0.05,
      w0: 0.025,
      budget: 10,
      dailyLimit: 2,
      minSubsetItems: 1,
      effectRounding: 0.05,
      publicItemKeys: await database.stores.bounties.sampleKeys(poolId, 2, programId),
      createdByKeyId: null,
    });
    researcherKeyId = (
      await database.stores.keys.create({
        name: 'Ada',
        prefix: 'lm_ada',
        hash: `hash-${randomUUID()}`,
        role: 'researcher',
        tenantId: null,
        programId,
      })
    ).id;
  });
  after(async () => fixture.close());

  it('seals a tenant-less copy of the pool owned by the program, which no plan may use', async () => {
    const [pool] = await database.stores.slices.byIds([poolId]);
    assert.deepEqual([pool.tenantId, pool.programId, pool.itemCount], [null, programId, 4]);
    const items = await database.stores.slices.page(poolId, -1, 10);
    assert.deepEqual(
      items.map((i) => [i.item_key, i.attributes.group]),
      [
        ['a', 'g1'],
        ['b', 'g1'],
        ['c', 'g2'],
        ['d', 'g2'],
      ],
    );
    assert.deepEqual([...(await database.stores.slices.usableBy(null, [poolId]))], []);
  });

  it('draws the same public sample for the same seed', async () => {
    const first = await database.stores.bounties.sampleKeys(poolId, 2, programId);
    assert.deepEqual(await database.stores.bounties.sampleKeys(poolId, 2, programId), first);
    assert.equal((await database.stores.bounties.publicItems(poolId, first)).length, 2);
  });

  it('numbers tests, finds rejections, counts a researcher’s day and credits the leaderboard', async () => {
    const submit = (predicate: string) =>
      database.stores.bounties.createSubmission({
        programId,
        researcherKeyId,
        predicate,
        source: predicate,
        itemsSliceId: null,
      });
    const [one, two, three] = [
      await submit('group = "g1"'),
      await submit('group = "g2"'),
      await submit('group != "g1"'),
    ];
    assert.deepEqual(
      (await database.stores.bounties.pending(programId)).map((s) => s.id),
      [one.id, two.id, three.id],
    );
    await database.stores.bounties.decide(one.id, { status: 'rejected', testIndex: 1 });
    await database.stores.bounties.decide(two.id, {
      status: 'accepted',
      testIndex: 2,
      roundedEffect: 0.1,
      watchLabel: 'watch:x',
    });
    await database.stores.bounties.decide(three.id, { status: 'untestable', reason: 'small' });
    assert.deepEqual(await database.stores.bounties.rejectionTimes(programId), {
      times: [2],
      lastIndex: 2,
    });
    const day = await database.stores.bounties.recentBy(
      programId,
      researcherKeyId,
      new Date(Date.now() - 86_400_000),
    );
    assert.equal(day.count, 3);
    const [row] = await database.stores.bounties.leaderboard(programId);
    assert.deepEqual(
      [row.predicate, row.researcher, row.roundedEffect],
      ['group = "g2"', 'Ada', 0.1],
    );
    await assert.rejects(submit('group = "g1"'), /ux_bounty_submissions_program_predicate/);
  });

  it("adds a watched subgroup to the model's other live plans, once", async () => {
    const other = await database.stores.plans.save({
      ...plan,
      id: undefined,
      name: 'other',
    } as never);
    const watch = {
      label: 'watch:abc',
      predicate: 'group = "g2"',
      source: { programId, submissionId: randomUUID(), researcher: 'Ada' },
      addedAt: new Date().toISOString(),
    };
    assert.deepEqual(await database.stores.plans.addWatchedSubgroup(plan.modelId, watch, plan.id), [
      (other as Plan).id,
    ]);
    assert.deepEqual(
      await database.stores.plans.addWatchedSubgroup(plan.modelId, watch, plan.id),
      [],
    );
    assert.deepEqual((await database.stores.plans.find(plan.id))!.watchedSubgroups, []);
  });
});
