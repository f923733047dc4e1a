import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { scenarioBody } from '../factories/api-bodies';
import { createKey, createScenario, createTenant } from '../factories/api-resources';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { assertProblem } from './support/problem-assertions';

describe('scenarios API', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  const post = (body: unknown, key = TEST_ADMIN_KEY) =>
    t.http
      .post('/v1/scenarios')
      .set(bearer(key))
      .send(body as object);

  it('lists the registered kinds with their version and modality', async () => {
    const kinds = await t.http.get('/v1/scenarios/kinds').set(bearer(TEST_ADMIN_KEY)).expect(200);
    const qa = kinds.body.find((kind: { kind: string }) => kind.kind === 'qa');
    assert.deepEqual(qa, { kind: 'qa', version: '1', modality: 'text' });
  });

  it('creates a scenario with the kind defaults stored, and reads it back', async () => {
    const created = await post(scenarioBody({ config: { answerExtraction: 'first_line' } })).expect(
      201,
    );
    assert.equal(created.body.kind, 'qa');
    assert.deepEqual(created.body.config.params, { temperature: 0, max_tokens: 32 });
    const read = await t.http
      .get(`/v1/scenarios/${created.body.id}`)
      .set(bearer(TEST_ADMIN_KEY))
      .expect(200);
    assert.deepEqual(read.body, created.body);
    const list = await t.http.get('/v1/scenarios').set(bearer(TEST_ADMIN_KEY)).expect(200);
    assert.ok(list.body.some((s: { id: string }) => s.id === created.body.id));
  });

  it('refuses a name that is already taken with 409', async () => {
    const scenario = await createScenario(t);
    assertProblem(await post(scenarioBody({ name: scenario.name })), 409);
  });

  it('answers 404 for an unknown or malformed scenario id', async () => {
    assertProblem(
      await t.http.get(`/v1/scenarios/${randomUUID()}`).set(bearer(TEST_ADMIN_KEY)),
      404,
    );
    assertProblem(await t.http.get('/v1/scenarios/qa').set(bearer(TEST_ADMIN_KEY)), 404);
  });

  it('names an unknown kind, a bad config value and unknown fields with 400', async () => {
    assertProblem(await post(scenarioBody({ kind: 'astrology' })), 400, ['kind']);
    assertProblem(await post(scenarioBody({ config: { temprature: 0 } })), 400, [
      'config.temprature',
    ]);
    const badTemplate = { promptTemplate: 'Q: {qestion}' };
    const refused = await post(scenarioBody({ config: badTemplate }));
    assertProblem(refused, 400);
    assert.ok(
      refused.body.errors.every((e: { field: string }) => e.field === 'config.promptTemplate'),
    );
    assertProblem(await post(scenarioBody({ name: '' })), 400, ['name']);
    assertProblem(await post(scenarioBody({ owner: 'me' })), 400, ['owner']);
    assertProblem(await post(scenarioBody({ config: 'qa' })), 400, ['config']);
  });

  it('lets admin and ml keys create; customer and oncall keys get 403; no key or a wrong key 401', async () => {
    const tenant = await createTenant(t);
    const [ml, oncall, customer] = await Promise.all([
      createKey(t, 'ml'),
      createKey(t, 'oncall'),
      createKey(t, 'customer', tenant.slug),
    ]);
    await post(scenarioBody(), ml.key).expect(201);
    assertProblem(await post(scenarioBody(), oncall.key), 403);
    assertProblem(await post(scenarioBody(), customer.key), 403);
    assertProblem(await t.http.post('/v1/scenarios').send(scenarioBody()), 401);
    assertProblem(await post(scenarioBody(), 'lm_wrong_key_000000000000'), 401);
    for (const path of ['/v1/scenarios', '/v1/scenarios/kinds', `/v1/scenarios/${randomUUID()}`]) {
      assertProblem(await t.http.get(path), 401);
      assertProblem(await t.http.get(path).set(bearer('lm_wrong_key_000000000000')), 401);
    }
  });
});
