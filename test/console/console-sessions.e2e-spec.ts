import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createKey, createTenant, type KeyView } from '../factories/api-resources';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { signIn, signInForm } from './support/console-session';

describe('console sign-in and sessions', () => {
  let t: TestApp;
  let oncall: KeyView;

  before(async () => {
    t = await startTestApp();
    oncall = await createKey(t, 'oncall');
  });
  after(async () => t.close());

  it('signs in with an API key into an HttpOnly, SameSite=Strict session cookie with an expiry', async () => {
    const form = await signInForm(t);
    const response = await t.http
      .post('/console/sign-in')
      .set('Cookie', form.cookie)
      .type('form')
      .send({ _csrf: form.csrf, key: oncall.key, next: '/console' })
      .expect(303);
    assert.equal(response.headers.location, '/console/alerts', "on-call's home is the inbox");
    const cookie = (response.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('lastmile_session='),
    )!;
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Strict/);
    assert.match(cookie, /; Max-Age=43200/, '12 hours by default');
    assert.doesNotMatch(cookie, /Secure/, 'plain HTTP on loopback: not Secure');
    assert.doesNotMatch(cookie, new RegExp(oncall.key), 'the cookie never holds the key');
  });

  it('marks the cookie Secure behind HTTPS when the proxy is trusted, and only then', async () => {
    const secure = await startTestApp({ env: { LASTMILE_TRUST_PROXY: 'true' } });
    try {
      const key = await createKey(secure, 'ml');
      const signInOver = async (proto: string | null) => {
        const form = await signInForm(secure);
        const request = secure.http.post('/console/sign-in').set('Cookie', form.cookie);
        if (proto) request.set('X-Forwarded-Proto', proto);
        const response = await request
          .type('form')
          .send({ _csrf: form.csrf, key: key.key })
          .expect(303);
        return String(response.headers['set-cookie']);
      };
      assert.match(await signInOver('https'), /lastmile_session=[^;]+;.*; Secure/);
      assert.doesNotMatch(await signInOver('http'), /Secure/);
    } finally {
      await secure.close();
    }
    // Without LASTMILE_TRUST_PROXY a client's own header is not believed.
    const form = await signInForm(t);
    const response = await t.http
      .post('/console/sign-in')
      .set('Cookie', form.cookie)
      .set('X-Forwarded-Proto', 'https')
      .type('form')
      .send({ _csrf: form.csrf, key: oncall.key })
      .expect(303);
    assert.doesNotMatch(String(response.headers['set-cookie']), /Secure/);
  });

  it('refuses a wrong key (401) and a sign-in post without the form token (403)', async () => {
    const form = await signInForm(t);
    const wrong = await t.http
      .post('/console/sign-in')
      .set('Cookie', form.cookie)
      .type('form')
      .send({ _csrf: form.csrf, key: 'lm_never_issued_0000000000000000' })
      .expect(401);
    assert.match(wrong.text, /not valid/);
    assert.doesNotMatch(String(wrong.headers['set-cookie'] ?? ''), /lastmile_session/);
    await t.http
      .post('/console/sign-in')
      .type('form')
      .send({ _csrf: form.csrf, key: oncall.key })
      .expect(403);
  });

  it('sends a caller without a session to the sign-in page and back', async () => {
    const response = await t.http.get('/console/alerts?status=open').expect(303);
    assert.equal(
      response.headers.location,
      '/console/sign-in?next=%2Fconsole%2Falerts%3Fstatus%3Dopen',
    );
    const forged = await t.http
      .get('/console/alerts')
      .set('Cookie', 'lastmile_session=not-a-session')
      .expect(303);
    assert.match(forged.headers.location, /^\/console\/sign-in/);
  });

  it('never redirects a sign-in to another site', async () => {
    const form = await signInForm(t);
    for (const next of [
      'https://evil.example/',
      '//evil.example/console',
      '/v1/keys',
      '/console\\@evil',
    ]) {
      const response = await t.http
        .post('/console/sign-in')
        .set('Cookie', form.cookie)
        .type('form')
        .send({ _csrf: form.csrf, key: oncall.key, next })
        .expect(303);
      assert.equal(response.headers.location, '/console/alerts', next);
    }
  });

  it('refuses a console write without the session CSRF token', async () => {
    const client = await signIn(t, oncall.key);
    const forged = await t.http
      .post('/console/sign-out')
      .set('Cookie', client.cookie)
      .type('form')
      .send({ _csrf: 'guessed' })
      .expect(403);
    assert.match(forged.text, /CSRF/);
    await t.http.post('/console/sign-out').set('Cookie', client.cookie).expect(403);
    await client.get('/console/alerts').expect(200);
  });

  it('signs out: the cookie is cleared and the session no longer works', async () => {
    const client = await signIn(t, oncall.key);
    const response = await client.post('/console/sign-out').expect(303);
    assert.equal(response.headers.location, '/console/sign-in');
    assert.match(String(response.headers['set-cookie']), /lastmile_session=; .*Max-Age=0/);
    await client.get('/console/alerts').expect(303);
  });

  it("ends a key's sessions when the key is revoked", async () => {
    const key = await createKey(t, 'oncall');
    const client = await signIn(t, key.key);
    await client.get('/console/alerts').expect(200);
    await t.http.delete(`/v1/keys/${key.id}`).set(bearer(TEST_ADMIN_KEY)).expect(204);
    await client.get('/console/alerts').expect(303);
    await client.get('/v1/alerts').expect(401);
  });

  it('lets a session read the API as its key, but never write to it', async () => {
    const tenant = await createTenant(t);
    const customer = await createKey(t, 'customer', tenant.slug);
    const client = await signIn(t, customer.key);
    await client.get(`/v1/tenants/${tenant.slug}/slices`).expect(200);
    await client.get('/v1/keys').expect(403);
    const write = await t.http
      .post('/v1/plans')
      .set('Cookie', client.cookie)
      .send({ name: 'x' })
      .expect(401);
    assert.match(write.text, /Bearer/);
  });

  it('serves its stylesheet and script under their content hash, cached', async () => {
    const page = await (await signIn(t, oncall.key)).get('/console/alerts').expect(200);
    const css = /href="(\/console\/assets\/console\.css\?v=[0-9a-f]+)"/.exec(page.text)![1];
    const response = await t.http.get(css).expect(200);
    assert.match(response.headers['content-type'], /text\/css/);
    assert.match(response.headers['cache-control'], /immutable/);
    assert.match(page.headers['content-security-policy'], /script-src 'self'/);
    assert.equal(page.headers['cache-control'], 'no-store');
  });
});
