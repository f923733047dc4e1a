import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { tenantBody } from '../factories/api-bodies';
import { createKey, createTenant } from '../factories/api-resources';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { assertProblem } from './support/problem-assertions';

describe('tenants API', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  it('creates a tenant, lists it and finds it by id and by slug', async () => {
    const body = tenantBody();
    const created = await t.http
      .post('/v1/tenants')
      .set(bearer(TEST_ADMIN_KEY))
      .send(body)
      .expect(201);
    assert.equal(created.body.slug, body.slug);
    assert.equal(created.body.name, body.name);
    const list = await t.http.get('/v1/tenants').set(bearer(TEST_ADMIN_KEY)).expect(200);
    assert.ok(list.body.some((tenant: { id: string }) => tenant.id === created.body.id));
    for (const handle of [created.body.id, created.body.slug, created.body.id.toUpperCase()]) {
      const read = await t.http
        .get(`/v1/tenants/${handle}`)
        .set(bearer(TEST_ADMIN_KEY))
        .expect(200);
      assert.equal(read.body.id, created.body.id);
    }
  });

  it('refuses a slug that is already taken with 409', async () => {
    const tenant = await createTenant(t);
    const again = await t.http
      .post('/v1/tenants')
      .set(bearer(TEST_ADMIN_KEY))
      .send(tenantBody({ slug: tenant.slug }));
    assertProblem(again, 409);
  });

  it('answers 404 for an unknown tenant id or slug', async () => {
    for (const handle of [randomUUID(), 'no-such-tenant', 'not%20a%20slug']) {
      assertProblem(await t.http.get(`/v1/tenants/${handle}`).set(bearer(TEST_ADMIN_KEY)), 404);
    }
  });

  it('answers 400 rather than failing on a NUL character in a tenant slug or name', async () => {
    assertProblem(await t.http.get('/v1/tenants/a%00b').set(bearer(TEST_ADMIN_KEY)), 400);
    const body = tenantBody({ name: 'Acme\u0000' });
    assertProblem(await t.http.post('/v1/tenants').set(bearer(TEST_ADMIN_KEY)).send(body), 400, [
      'name',
    ]);
  });

  it('names the bad field with 400 and rejects unknown fields', async () => {
    const post = (body: unknown) =>
      t.http
        .post('/v1/tenants')
        .set(bearer(TEST_ADMIN_KEY))
        .send(body as object);
    assertProblem(await post(tenantBody({ slug: 'Not A Slug' })), 400, ['slug']);
    assertProblem(await post(tenantBody({ name: '   ' })), 400, ['name']);
    assertProblem(await post({ slug: 'only-a-slug' }), 400, ['name']);
    assertProblem(await post(tenantBody({ colour: 'blue' })), 400, ['colour']);
  });

  it('is for admin keys only: 401 without or with a wrong key, 403 for other roles', async () => {
    const tenant = await createTenant(t);
    const others = await Promise.all([
      createKey(t, 'ml'),
      createKey(t, 'oncall'),
      createKey(t, 'customer', tenant.slug),
    ]);
    const calls = [
      () => t.http.post('/v1/tenants').send(tenantBody()),
      () => t.http.get('/v1/tenants'),
      () => t.http.get(`/v1/tenants/${tenant.slug}`),
    ];
    for (const call of calls) {
      assertProblem(await call(), 401);
      assertProblem(await call().set(bearer('lm_wrong_key_000000000000')), 401);
      for (const other of others) assertProblem(await call().set(bearer(other.key)), 403);
    }
  });
});

describe('API keys API', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  it('issues a key that authenticates with its role', async () => {
    const ml = await createKey(t, 'ml');
    assert.match(ml.key, /^lm_[A-Za-z0-9_-]{43}$/);
    assert.equal(ml.prefix, ml.key.slice(0, ml.prefix.length));
    await t.http.get('/v1/models').set(bearer(ml.key)).expect(200);
    assertProblem(await t.http.get('/v1/keys').set(bearer(ml.key)), 403);
  });

  it('binds a customer key to the tenant it names by slug or id', async () => {
    const tenant = await createTenant(t);
    assert.equal((await createKey(t, 'customer', tenant.slug)).tenantId, tenant.id);
    assert.equal((await createKey(t, 'customer', tenant.id)).tenantId, tenant.id);
  });

  it('requires a program for researcher keys only, and one that exists', async () => {
    const post = (body: object) => t.http.post('/v1/keys').set(bearer(TEST_ADMIN_KEY)).send(body);
    const unknown = '00000000-0000-4000-8000-00000000dead';
    assertProblem(await post({ role: 'researcher' }), 400, ['program']);
    assertProblem(await post({ role: 'ml', program: unknown }), 400, ['program']);
    assertProblem(await post({ role: 'researcher', program: unknown }), 400, ['program']);
  });

  it('requires a tenant for customer keys only, and knows only the five roles', async () => {
    const tenant = await createTenant(t);
    const post = (body: object) => t.http.post('/v1/keys').set(bearer(TEST_ADMIN_KEY)).send(body);
    assertProblem(await post({ role: 'customer' }), 400, ['tenant']);
    assertProblem(await post({ role: 'ml', tenant: tenant.slug }), 400, ['tenant']);
    assertProblem(await post({ role: 'root' }), 400, ['role']);
    assertProblem(await post({ role: 'ml', scopes: ['all'] }), 400, ['scopes']);
    assertProblem(await post({ role: 'customer', tenant: 'no-such-tenant' }), 404);
  });

  it('lists keys with their prefix only, never the key or its hash', async () => {
    const created = await createKey(t, 'oncall');
    const list = await t.http.get('/v1/keys').set(bearer(TEST_ADMIN_KEY)).expect(200);
    const listed = list.body.find((key: { id: string }) => key.id === created.id);
    assert.deepEqual(Object.keys(listed).sort(), [
      'createdAt',
      'id',
      'name',
      'prefix',
      'programId',
      'revokedAt',
      'role',
      'tenantId',
    ]);
    assert.equal(listed.prefix, created.prefix);
    assert.ok(!list.text.includes(created.key));
    assert.ok(!list.text.includes(TEST_ADMIN_KEY));
  });

  it('revokes a key: it stops authenticating and a second revoke is 404', async () => {
    const key = await createKey(t, 'ml');
    await t.http.get('/v1/models').set(bearer(key.key)).expect(200);
    await t.http.delete(`/v1/keys/${key.id}`).set(bearer(TEST_ADMIN_KEY)).expect(204);
    assertProblem(await t.http.get('/v1/models').set(bearer(key.key)), 401);
    const list = await t.http.get('/v1/keys').set(bearer(TEST_ADMIN_KEY)).expect(200);
    assert.ok(list.body.find((k: { id: string }) => k.id === key.id).revokedAt);
    assertProblem(await t.http.delete(`/v1/keys/${key.id}`).set(bearer(TEST_ADMIN_KEY)), 404);
  });

  it('answers 404 when revoking an unknown or malformed key id', async () => {
    assertProblem(await t.http.delete(`/v1/keys/${randomUUID()}`).set(bearer(TEST_ADMIN_KEY)), 404);
    assertProblem(await t.http.delete('/v1/keys/not-a-uuid').set(bearer(TEST_ADMIN_KEY)), 404);
  });

  it('is for admin keys only: 401 without or with a wrong key, 403 for other roles', async () => {
    const victim = await createKey(t, 'ml');
    const others = await Promise.all([createKey(t, 'ml'), createKey(t, 'oncall')]);
    const calls = [
      () => t.http.post('/v1/keys').send({ role: 'ml' }),
      () => t.http.get('/v1/keys'),
      () => t.http.delete(`/v1/keys/${victim.id}`),
    ];
    for (const call of calls) {
      assertProblem(await call(), 401);
      assertProblem(await call().set(bearer('lm_wrong_key_000000000000')), 401);
      for (const other of others) assertProblem(await call().set(bearer(other.key)), 403);
    }
    await t.http.get('/v1/models').set(bearer(victim.key)).expect(200);
  });
});
