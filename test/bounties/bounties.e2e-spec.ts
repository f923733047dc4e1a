import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { modelBody, planBody, scenarioBody } from '../factories/api-bodies';
import { createTenant, expectStatus } from '../factories/api-resources';
import {
  bountyBody,
  PLANTED_PREDICATE,
  poolAnswer,
  uploadPoolSource,
} from '../factories/bounty-pool';
import { waitFor } from '../support/poll';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';

interface ProgramView {
  id: string;
  planId: string;
  poolSliceId: string;
  poolRun: { status: string } | null;
}

describe('bias bounties, submit → verify → accepted or rejected', () => {
  let t: TestApp;
  let model: ChatModelServer;
  let tenant: string;
  let refs: { modelId: string; scenarioId: string; sliceId: string };
  let program: ProgramView;
  let otherProgram: ProgramView;
  let watchingPlan: string;
  let researcher: string;
  let otherResearcher: string;
  const ml = bearer(TEST_ADMIN_KEY);

  const researcherKey = async (programId: string, name: string) =>
    (
      await expectStatus<{ key: string }>(
        t.http.post('/v1/keys').set(ml).send({ role: 'researcher', program: programId, name }),
        201,
      )
    ).key;
  const submit = (key: string, body: object, programId = program.id) =>
    t.http.post(`/v1/bounties/${programId}/submissions`).set(bearer(key)).send(body);
  const poolRunDone = (id: string) =>
    waitFor(
      async () => {
        const { body } = await t.http.get(`/v1/bounties/${id}`).set(ml);
        return body.poolRun?.status === 'succeeded' ? body : undefined;
      },
      60_000,
      'the pool run',
    );

  before(async () => {
    t = await startTestApp({ runner: true });
    model = await startChatModelServer({ answer: poolAnswer });
    tenant = (await createTenant(t)).slug;
    const adapter = { kind: 'openai-chat', baseUrl: model.baseUrl, model: 'fixture' };
    const modelId = (
      await expectStatus<{ id: string }>(
        t.http.post('/v1/models').set(ml).send(modelBody({ adapter })),
        201,
      )
    ).id;
    const scenarioId = (
      await expectStatus<{ id: string }>(
        t.http.post('/v1/scenarios').set(ml).send(scenarioBody()),
        201,
      )
    ).id;
    refs = { modelId, scenarioId, sliceId: await uploadPoolSource(t, tenant) };
    // A monitored plan of the same model: an accepted finding becomes one of its subgroups.
    const plan = planBody(modelId, scenarioId, { tenant, sliceIds: [refs.sliceId] });
    watchingPlan = (
      await expectStatus<{ id: string }>(t.http.post('/v1/plans').set(ml).send(plan), 201)
    ).id;
    program = await expectStatus(t.http.post('/v1/bounties').set(ml).send(bountyBody(refs)), 201);
    otherProgram = await expectStatus(
      t.http.post('/v1/bounties').set(ml).send(bountyBody(refs)),
      201,
    );
    researcher = await researcherKey(program.id, 'Ada Lovelace');
    otherResearcher = await researcherKey(otherProgram.id, 'Grace Hopper');
  });
  after(async () => {
    await t.close();
    await model.close();
  });

  it('shows a researcher the rules, the vocabulary and a public sample, never the pool', async () => {
    const { body } = await t.http
      .get(`/v1/bounties/${program.id}`)
      .set(bearer(researcher))
      .expect(200);
    assert.equal(body.publicSample.length, 10);
    assert.deepEqual(body.pool, {
      items: 110,
      attributes: { accent: ['en-029', 'en-gb', 'en-us'], noise: ['hum', 'none'] },
    });
    assert.equal(body.direction, 'higher_is_better');
    for (const hidden of [
      'planId',
      'poolSliceId',
      'sourceSliceId',
      'publicItemKeys',
      'poolRun',
      'testing',
    ])
      assert.ok(!(hidden in body), `${hidden} is not shown`);
  });

  it('decides a submission made while the pool run is still going once the run has finished', async () => {
    const first = await expectStatus<{ id: string; status: string }>(
      submit(researcher, { predicate: PLANTED_PREDICATE }),
      201,
    );
    assert.ok(['pending', 'accepted'].includes(first.status), first.status);
    await poolRunDone(program.id);
    const decided = await waitFor(async () => {
      const { body } = await t.http
        .get(`/v1/bounties/${program.id}/submissions/${first.id}`)
        .set(bearer(researcher));
      return body.status !== 'pending' ? body : undefined;
    });
    assert.equal(decided.status, 'accepted');
    assert.equal(
      decided.roundedEffect,
      1,
      'the subset fails every item the rest gets right: 100 points, rounded',
    );
    assert.equal(decided.predicate, 'accent = "en-029" AND noise != "none"');
    for (const hidden of ['pValue', 'level', 'nSubset', 'delta', 'ciLow', 'testIndex'])
      assert.ok(!(hidden in decided), `${hidden} is not told to the researcher`);
  });

  it('rejects a subset with no real effect and tells only that', async () => {
    const { body } = await submit(researcher, { predicate: 'accent = en-us' }).expect(201);
    assert.deepEqual([body.status, body.roundedEffect], ['rejected', null]);
    const owner = await expectStatus<
      { pValue: number; level: number; nSubset: number; testIndex: number }[]
    >(t.http.get(`/v1/bounties/${program.id}/submissions`).set(ml), 200);
    const rejected = owner.find((s) => s.testIndex === 2)!;
    assert.ok(rejected.pValue > rejected.level, JSON.stringify(rejected));
    assert.ok(rejected.nSubset > 0);
  });

  it('refuses a malformed predicate with the position, and unknown attributes or values', async () => {
    const bad = await submit(researcher, { predicate: 'accent = "en-029" AND' }).expect(400);
    assert.match(bad.headers['content-type'], /problem\+json/);
    assert.equal(bad.body.errors[0].field, 'predicate');
    assert.match(
      bad.body.errors[0].reason,
      /^at position 21 \(column 22\): expected an attribute name/,
    );
    const unknown = await submit(researcher, { predicate: 'acent = en-029' }).expect(400);
    assert.match(unknown.body.detail, /no attribute "acent" \(it has: accent, noise\)/);
    await submit(researcher, { predicate: 'accent = en-au' }).expect(400);
  });

  it('refuses the same subset twice, however it is written', async () => {
    const again = await submit(researcher, {
      predicate: 'noise != none and accent = "en-029"',
    }).expect(409);
    assert.match(again.body.detail, /already submitted/);
  });

  it('stores the items a researcher brings as a slice of the program, and caps submissions per day (429, Retry-After)', async () => {
    const withItems = await submit(researcher, {
      predicate: 'noise = none',
      items: [
        {
          id: 'mine-1',
          input: 'Is this fine?',
          references: ['yes'],
          attributes: { accent: 'en-029', noise: 'hum' },
        },
      ],
    }).expect(201);
    assert.equal(withItems.body.status, 'rejected');
    const [items] = await t.dataSource.query(
      'SELECT tenant_id, program_id, item_count FROM slices WHERE id = $1',
      [withItems.body.itemsSliceId],
    );
    assert.deepEqual(items, { tenant_id: null, program_id: program.id, item_count: 1 });
    const capped = await submit(researcher, { predicate: 'accent = en-gb' }).expect(429);
    assert.ok(Number(capped.headers['retry-after']) > 86_000);
    await submit(otherResearcher, { predicate: 'accent = en-gb' }, otherProgram.id).expect(201);
  });

  it('lists accepted findings, credited, on the leaderboard', async () => {
    const { body } = await t.http
      .get(`/v1/bounties/${program.id}/leaderboard`)
      .set(bearer(researcher))
      .expect(200);
    assert.equal(body.length, 1);
    assert.deepEqual(
      {
        rank: body[0].rank,
        predicate: body[0].predicate,
        researcher: body[0].researcher,
        effect: body[0].roundedEffect,
      },
      {
        rank: 1,
        predicate: 'accent = "en-029" AND noise != "none"',
        researcher: 'Ada Lovelace',
        effect: 1,
      },
    );
  });

  it("makes an accepted finding a watched subgroup of the model's plans, with its own metrics", async () => {
    const plan = await expectStatus<{
      watchedSubgroups: { label: string; predicate: string; source: { researcher: string } }[];
    }>(t.http.get(`/v1/plans/${watchingPlan}`).set(ml), 200);
    assert.equal(plan.watchedSubgroups.length, 1);
    const [watch] = plan.watchedSubgroups;
    assert.deepEqual(
      [watch.predicate, watch.source.researcher],
      [PLANTED_PREDICATE, 'Ada Lovelace'],
    );
    const run = await expectStatus<{ id: string }>(
      t.http.post(`/v1/plans/${watchingPlan}/runs`).set(ml),
      202,
    );
    await waitFor(async () =>
      (await t.http.get(`/v1/runs/${run.id}`).set(ml)).body.finishedAt ? true : undefined,
    );
    const metrics = await expectStatus<
      { name: string; subgroup: string; value: number; n: number }[]
    >(
      t.http.get(`/v1/runs/${run.id}/metrics?subgroup=${encodeURIComponent(watch.label)}`).set(ml),
      200,
    );
    const exact = metrics.find((m) => m.name === 'exact_match')!;
    assert.deepEqual([exact.value, exact.n], [0, 20]);
  });

  it('keeps a researcher to its program: no other program, no sealed items, no tenant data', async () => {
    const as = bearer(researcher);
    await t.http.get(`/v1/bounties/${otherProgram.id}`).set(as).expect(404);
    await t.http.get(`/v1/bounties/${otherProgram.id}/leaderboard`).set(as).expect(404);
    await submit(researcher, { predicate: 'accent = en-us' }, otherProgram.id).expect(404);
    const mine = await expectStatus<{ id: string }[]>(
      t.http.get(`/v1/bounties/${otherProgram.id}/submissions`).set(bearer(otherResearcher)),
      200,
    );
    await t.http.get(`/v1/bounties/${program.id}/submissions/${mine[0].id}`).set(as).expect(404);
    for (const path of [
      '/v1/runs',
      '/v1/models',
      '/v1/plans',
      `/v1/plans/${program.planId}`,
      `/v1/tenants/${tenant}/slices`,
      `/v1/alerts`,
      '/v1/bounties',
    ])
      await t.http.get(path).set(as).expect(403);
    // Nobody's plan may read the sealed pool, not even the operator's.
    const sealed = planBody(refs.modelId, refs.scenarioId, { sliceIds: [program.poolSliceId] });
    const refused = await t.http.post('/v1/plans').set(ml).send(sealed).expect(400);
    assert.equal(refused.body.errors[0].field, 'sliceIds[0]');
  });

  it('stops taking submissions when the program is closed', async () => {
    await t.http.post(`/v1/bounties/${otherProgram.id}/close`).set(ml).expect(200);
    await submit(otherResearcher, { predicate: 'accent = en-us' }, otherProgram.id).expect(409);
  });
});
