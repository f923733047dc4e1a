import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { modelBody } from '../factories/api-bodies';
import { createKey, createTenant, registerModel } from '../factories/api-resources';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { assertProblem } from './support/problem-assertions';

const chat = (overrides: Record<string, unknown> = {}) => ({
  kind: 'openai-chat',
  baseUrl: 'http://127.0.0.1:9/v1',
  model: 'demo',
  ...overrides,
});

describe('models API', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  const post = (body: unknown, key = TEST_ADMIN_KEY) =>
    t.http
      .post('/v1/models')
      .set(bearer(key))
      .send(body as object);

  it('registers a model version and reads it back', async () => {
    const body = modelBody();
    const created = await post(body).expect(201);
    assert.equal(created.body.name, body.name);
    assert.match(created.body.adapterHash, /^[0-9a-f]{64}$/);
    assert.deepEqual(created.body.defaultParams, {});
    const read = await t.http
      .get(`/v1/models/${created.body.id}`)
      .set(bearer(TEST_ADMIN_KEY))
      .expect(200);
    assert.equal(read.body.id, created.body.id);
    assert.equal(read.body.adapter.model, 'demo');
  });

  it('stores the adapter with its defaults filled in, so the hash covers what runs', async () => {
    const created = await post(modelBody()).expect(201);
    assert.equal(created.body.adapter.limits.timeoutMs, 30_000);
    assert.equal(created.body.adapter.limits.maxRetries, 4);
  });

  it('registers a new version of a known name and filters the list by name', async () => {
    const first = await registerModel(t);
    await registerModel(t, { name: first.name, version: '2.0.0' });
    await registerModel(t);
    const list = await t.http
      .get('/v1/models')
      .query({ name: first.name })
      .set(bearer(TEST_ADMIN_KEY))
      .expect(200);
    assert.deepEqual(list.body.map((m: { version: string }) => m.version).sort(), [
      '1.0.0',
      '2.0.0',
    ]);
  });

  it('refuses the same name and version twice with 409', async () => {
    const body = modelBody();
    await post(body).expect(201);
    assertProblem(await post(body), 409);
  });

  it('answers 404 for an unknown or malformed model id', async () => {
    assertProblem(await t.http.get(`/v1/models/${randomUUID()}`).set(bearer(TEST_ADMIN_KEY)), 404);
    assertProblem(await t.http.get('/v1/models/42').set(bearer(TEST_ADMIN_KEY)), 404);
  });

  it('names the bad field with 400', async () => {
    assertProblem(await post(modelBody({ adapter: chat({ baseUrl: 'not a url' }) })), 400, [
      'adapter.baseUrl',
    ]);
    assertProblem(await post(modelBody({ modality: 'video' })), 400, ['modality']);
    assertProblem(await post(modelBody({ version: '' })), 400, ['version']);
    assertProblem(await post(modelBody({ adapter: chat({ kind: 'gopher' }) })), 400, [
      'adapter.kind',
    ]);
    assertProblem(await post(modelBody({ adapter: chat({ apiKeyEnv: 'sk-live-123' }) })), 400, [
      'adapter.apiKeyEnv',
    ]);
    const limits = chat({ limits: { timeoutMs: 0 } });
    assertProblem(await post(modelBody({ adapter: limits })), 400, ['adapter.limits.timeoutMs']);
  });

  it('rejects unknown fields at any depth, naming them', async () => {
    assertProblem(await post(modelBody({ owner: 'me' })), 400, ['owner']);
    assertProblem(await post(modelBody({ adapter: chat({ temprature: 0 }) })), 400, [
      'adapter.temprature',
    ]);
  });

  it('refuses text PostgreSQL cannot store (NUL, lone surrogates), naming the field', async () => {
    assertProblem(await post(modelBody({ version: '1\u0000' })), 400, ['version']);
    assertProblem(await post(modelBody({ name: 'm\ud800' })), 400, ['name']);
    assertProblem(await post(modelBody({ defaultParams: { stop: ['\u0000'] } })), 400, [
      'defaultParams.stop[0]',
    ]);
    assertProblem(
      await t.http.get('/v1/models').query({ name: 'a\u0000' }).set(bearer(TEST_ADMIN_KEY)),
      400,
    );
  });

  it('refuses credentials in stored headers: a secret belongs in an environment variable', async () => {
    const adapter = chat({ headers: { Authorization: 'Bearer sk-live-123' } });
    assertProblem(await post(modelBody({ adapter })), 400, ['adapter.headers']);
  });

  it('refuses command adapters unless the server allows them', async () => {
    const adapter = { kind: 'command', argv: ['/bin/echo', '{input}'] };
    assertProblem(await post(modelBody({ adapter })), 400, ['adapter.kind']);
  });

  it('refuses a transcription adapter on a text model', async () => {
    const adapter = chat({ kind: 'openai-transcription' });
    assertProblem(await post(modelBody({ adapter, modality: 'text' })), 400, ['modality']);
    await post(modelBody({ adapter, modality: 'speech' })).expect(201);
  });

  it('lets admin and ml keys register; customer and oncall keys get 403; no key or a wrong key 401', async () => {
    const tenant = await createTenant(t);
    const [ml, oncall, customer] = await Promise.all([
      createKey(t, 'ml'),
      createKey(t, 'oncall'),
      createKey(t, 'customer', tenant.slug),
    ]);
    await post(modelBody(), ml.key).expect(201);
    assertProblem(await post(modelBody(), oncall.key), 403);
    assertProblem(await post(modelBody(), customer.key), 403);
    assertProblem(await t.http.post('/v1/models').send(modelBody()), 401);
    assertProblem(await post(modelBody(), 'lm_wrong_key_000000000000'), 401);
    for (const path of ['/v1/models', `/v1/models/${randomUUID()}`]) {
      assertProblem(await t.http.get(path), 401);
      assertProblem(await t.http.get(path).set(bearer('lm_wrong_key_000000000000')), 401);
    }
  });
});

describe('models API with a URL allow-list', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ env: { LASTMILE_URL_ALLOWLIST: '10.0.0.0/8' } });
  });
  after(async () => t.close());

  it('refuses a model whose host is outside LASTMILE_URL_ALLOWLIST, naming the URL field', async () => {
    const refused = await t.http
      .post('/v1/models')
      .set(bearer(TEST_ADMIN_KEY))
      .send(modelBody({ adapter: chat({ baseUrl: 'http://169.254.169.254/v1' }) }));
    assertProblem(refused, 400, ['adapter.baseUrl']);
    await registerModel(t, { adapter: chat({ baseUrl: 'http://10.1.2.3/v1' }) });
  });
});
