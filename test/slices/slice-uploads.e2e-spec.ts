import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildBadUploads, CORPUS_LIMITS, jsonl, QA_ROWS } from '@lastmile/slices/testing';
import { tenantBody } from '../factories/api-bodies';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';

const COUNTED = ['slices', 'slice_items', 'audit_log'];

describe('customer slice uploads', () => {
  let t: TestApp;
  let tenant: string;
  let customerKey: string;
  let otherCustomerKey: string;
  const admin = bearer(TEST_ADMIN_KEY);

  before(async () => {
    const { maxBytes, maxItems, maxAudioSeconds, ...rest } = CORPUS_LIMITS as Record<
      string,
      number
    >;
    t = await startTestApp({
      env: {
        LASTMILE_MAX_UPLOAD_BYTES: String(maxBytes),
        LASTMILE_MAX_SLICE_ITEMS: String(maxItems),
        LASTMILE_MAX_AUDIO_SECONDS: String(maxAudioSeconds),
        LASTMILE_SLICE_LIMITS: JSON.stringify(rest),
      },
    });
    tenant = (await t.http.post('/v1/tenants').set(admin).send(tenantBody()).expect(201)).body.slug;
    const other = (await t.http.post('/v1/tenants').set(admin).send(tenantBody()).expect(201)).body
      .slug;
    customerKey = (
      await t.http.post('/v1/keys').set(admin).send({ role: 'customer', tenant }).expect(201)
    ).body.key;
    otherCustomerKey = (
      await t.http.post('/v1/keys').set(admin).send({ role: 'customer', tenant: other }).expect(201)
    ).body.key;
  });
  after(async () => t.close());

  const upload = (
    key: string,
    name: string,
    filename: string,
    data: Buffer,
    contentType?: string,
    to = tenant,
  ) =>
    t.http
      .post(`/v1/tenants/${to}/slices`)
      .set(bearer(key))
      .field('name', name)
      .attach('file', data, contentType ? { filename, contentType } : filename);

  async function rowCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of COUNTED)
      counts[table] = (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
    return counts;
  }

  it('stores an upload as an immutable version; the same content again is the same version', async () => {
    const first = await upload(customerKey, 'ward-7', 'rows.jsonl', jsonl(QA_ROWS)).expect(201);
    assert.equal(first.body.version, 1);
    assert.equal(first.body.itemCount, QA_ROWS.length);
    assert.equal(first.body.created, true);
    const again = await upload(customerKey, 'ward-7', 'again.jsonl', jsonl(QA_ROWS)).expect(201);
    assert.equal(again.body.id, first.body.id);
    assert.equal(again.body.created, false);
    const changed = await upload(
      customerKey,
      'ward-7',
      'rows.jsonl',
      jsonl(QA_ROWS.slice(1)),
    ).expect(201);
    assert.equal(changed.body.version, 2);
    const list = await t.http
      .get(`/v1/tenants/${tenant}/slices`)
      .set(bearer(customerKey))
      .expect(200);
    assert.deepEqual(
      list.body.map((s: { version: number }) => s.version),
      [2, 1],
    );
    const items = await t.http
      .get(`/v1/tenants/${tenant}/slices/${first.body.id}/items?limit=2`)
      .set(bearer(customerKey))
      .expect(200);
    assert.equal(items.body.length, 2);
  });

  it("does not show one tenant's slices to another tenant's key", async () => {
    const mine = await upload(customerKey, 'private', 'rows.jsonl', jsonl(QA_ROWS)).expect(201);
    await t.http.get(`/v1/tenants/${tenant}/slices`).set(bearer(otherCustomerKey)).expect(404);
    await t.http
      .get(`/v1/tenants/${tenant}/slices/${mine.body.id}`)
      .set(bearer(otherCustomerKey))
      .expect(404);
    await upload(otherCustomerKey, 'sneaky', 'rows.jsonl', jsonl(QA_ROWS)).expect(404);
  });

  it('refuses every malformed upload of the corpus with problem+json naming it, and writes nothing', async () => {
    // Multipart parts carry no charset parameter through multer; charset cases are covered by libs/slices' own specs.
    const corpus = (await buildBadUploads()).filter((bad) => !bad.contentType?.includes('charset'));
    assert.ok(corpus.length >= 40, `corpus has ${corpus.length} uploads`);
    const before = await rowCounts();
    for (const bad of corpus) {
      const response = await upload(customerKey, 'bad', bad.filename, bad.data, bad.contentType);
      assert.ok(
        response.status >= 400 && response.status < 500,
        `${bad.name}: status ${response.status}`,
      );
      assert.match(response.headers['content-type'], /application\/problem\+json/, bad.name);
      const problems: { field: string; reason: string }[] = response.body.errors ?? [];
      if (response.status === 422) {
        assert.ok(
          problems.some(
            (p) => bad.expectedField.test(p.field) && bad.expectedReason.test(p.reason),
          ),
          `${bad.name}: ${JSON.stringify(problems.slice(0, 3))}`,
        );
      }
    }
    assert.deepEqual(await rowCounts(), before);
  });
});
