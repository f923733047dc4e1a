import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { modelBody } from '../factories/api-bodies';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';

describe('models API', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  it('registers a model version and reads it back', async () => {
    const body = modelBody();
    const created = await t.http.post('/v1/models').set(bearer(TEST_ADMIN_KEY)).send(body).expect(201);
    assert.equal(created.body.name, body.name);
    assert.match(created.body.adapterHash, /^[0-9a-f]{64}$/);
    const read = await t.http.get(`/v1/models/${created.body.id}`).set(bearer(TEST_ADMIN_KEY)).expect(200);
    assert.equal(read.body.id, created.body.id);
  });

  it('refuses the same name and version twice with 409', async () => {
    const body = modelBody();
    await t.http.post('/v1/models').set(bearer(TEST_ADMIN_KEY)).send(body).expect(201);
    const again = await t.http.post('/v1/models').set(bearer(TEST_ADMIN_KEY)).send(body).expect(409);
    assert.equal(again.headers['content-type'], 'application/problem+json; charset=utf-8');
  });

  it('answers 401 without a key and names the bad field with 400', async () => {
    await t.http.post('/v1/models').send(modelBody()).expect(401);
    const bad = await t.http
      .post('/v1/models')
      .set(bearer(TEST_ADMIN_KEY))
      .send(modelBody({ adapter: { kind: 'openai-chat', baseUrl: 'not a url', model: 'x' } }))
      .expect(400);
    assert.deepEqual(bad.body.errors.map((e: { field: string }) => e.field), ['adapter.baseUrl']);
  });
});
