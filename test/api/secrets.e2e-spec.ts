import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import { hashApiKey, isFinishedRun } from '@lastmile/persistence';
import { waitFor } from '../support/poll';
import {
  sendJson,
  startLocalServer,
  type LocalServer,
} from '../../libs/adapters/src/testing/local-http-server';
import { modelBody, planBody, scenarioBody, tenantBody } from '../factories/api-bodies';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';

// Model keys live in variables the operator's prefix permits (LASTMILE_MODEL_KEY_ by default).
const SECRET_ENV = 'LASTMILE_MODEL_KEY_E2E_SECRETS';
const MODEL_SECRET = `sk-live-${randomBytes(24).toString('hex')}`;
/** A tenant's webhook secret, stored through the API. */
const TENANT_SECRET = `whsec_${randomBytes(24).toString('hex')}`;

describe('secrets stay out of responses and logs', () => {
  let t: TestApp;
  let modelServer: LocalServer;
  /** Every response body and header block seen, except the one that hands out a new key. */
  const seen: string[] = [];
  const keys: string[] = [];

  const keep = (response: Response): Response => {
    seen.push(`${response.status} ${JSON.stringify(response.headers)} ${response.text}`);
    return response;
  };

  before(async () => {
    process.env[SECRET_ENV] = MODEL_SECRET;
    // A model server that rejects the key and, at its worst, echoes it back in the error.
    modelServer = await startLocalServer((request, response) =>
      sendJson(response, 401, {
        error: { message: `Incorrect API key provided: ${request.headers.authorization}` },
      }),
    );
    t = await startTestApp({ runner: true });
  });
  after(async () => {
    await t.close();
    await modelServer.close();
    delete process.env[SECRET_ENV];
  });

  it('uses the secret to call the model, and no response or log line ever shows a key or secret', async () => {
    const admin = bearer(TEST_ADMIN_KEY);
    const tenant = keep(await t.http.post('/v1/tenants').set(admin).send(tenantBody())).body;
    for (const body of [
      { role: 'ml' },
      { role: 'oncall' },
      { role: 'customer', tenant: tenant.slug },
    ]) {
      const created = await t.http.post('/v1/keys').set(admin).send(body).expect(201);
      keys.push(created.body.key);
      // The new key is in its own creation response, and nothing else secret is.
      assert.ok(!created.text.includes(TEST_ADMIN_KEY) && !created.text.includes(MODEL_SECRET));
    }
    const [ml, , customer] = keys;
    const adapter = {
      kind: 'openai-chat',
      baseUrl: `${modelServer.origin}/v1`,
      model: 'm',
      apiKeyEnv: SECRET_ENV,
    };
    const model = keep(
      await t.http.post('/v1/models').set(bearer(ml)).send(modelBody({ adapter })).expect(201),
    ).body;
    const scenario = keep(
      await t.http.post('/v1/scenarios').set(bearer(ml)).send(scenarioBody()).expect(201),
    ).body;
    const stored = keep(
      await t.http
        .put(`/v1/tenants/${tenant.slug}/secrets/hook`)
        .set(bearer(customer))
        .send({ value: TENANT_SECRET })
        .expect(201),
    ).body;
    assert.deepEqual(Object.keys(stored).sort(), ['createdAt', 'name', 'rotatedAt']);
    const plan = keep(
      await t.http
        .post('/v1/plans')
        .set(bearer(customer))
        .send(
          planBody(model.id, scenario.id, {
            sampleSize: 3,
            channels: [{ kind: 'webhook', url: 'https://hooks.example.com/x', secret: 'hook' }],
          }),
        )
        .expect(201),
    ).body;
    const run = keep(
      await t.http.post(`/v1/plans/${plan.id}/runs`).set(bearer(customer)).expect(202),
    ).body;
    const status = await waitFor(
      async () => {
        const { body } = keep(await t.http.get(`/v1/runs/${run.id}`).set(bearer(customer)));
        return isFinishedRun(body.status) ? (body.status as string) : undefined;
      },
      20_000,
      'the run to end',
    );
    assert.equal(status, 'failed', 'every call was refused by the model server');
    assert.equal(modelServer.requests[0]?.headers.authorization, `Bearer ${MODEL_SECRET}`);

    for (const key of [TEST_ADMIN_KEY, ...keys]) {
      for (const path of [
        '/v1/keys',
        '/v1/models',
        `/v1/models/${model.id}`,
        '/v1/plans',
        '/v1/runs',
        '/v1/secrets',
        `/v1/tenants/${tenant.slug}/secrets`,
        '/docs-json',
      ]) {
        keep(await t.http.get(path).set(bearer(key)));
      }
      keep(await t.http.get(`/v1/runs/${run.id}/metrics`).set(bearer(key)));
    }
    keep(await t.http.get('/metrics'));
    keep(await t.http.get('/health'));
    keep(await t.http.get('/v1/keys').set(bearer('lm_never_issued_0000000000000000')));

    assert.ok(
      t.logs.some((line) => line.includes('run finished')),
      'the run was logged',
    );
    const secrets = [
      TEST_ADMIN_KEY,
      MODEL_SECRET,
      TENANT_SECRET,
      ...keys,
      ...[TEST_ADMIN_KEY, ...keys].map(hashApiKey),
    ];
    for (const secret of secrets) {
      const inResponse = seen.find((text) => text.includes(secret));
      assert.equal(inResponse, undefined, `a response shows ${secret.slice(0, 8)}…`);
      const inLogs = t.logs.find((line) => line.includes(secret));
      assert.equal(inLogs, undefined, `a log line shows ${secret.slice(0, 8)}…`);
    }
  });

  it('stores no key and no secret in any table in the clear: keys hashed, secrets sealed', async () => {
    const tables: { name: string }[] = await t.dataSource.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    for (const secret of [TEST_ADMIN_KEY, MODEL_SECRET, TENANT_SECRET, ...keys]) {
      for (const { name } of tables) {
        const [row] = await t.dataSource.query(
          `SELECT count(*)::int AS n FROM "${name}" AS r WHERE strpos(r::text, $1) > 0`,
          [secret],
        );
        assert.equal(row.n, 0, `${name} holds ${secret.slice(0, 8)}…`);
      }
    }
    const [stored] = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM api_keys WHERE hash = ANY($1)',
      [keys.map(hashApiKey)],
    );
    assert.equal(stored.n, keys.length);
    // Sealed bytes: neither the value's text nor its hex appears in the row.
    const [sealed] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM secrets WHERE strpos(encode(sealed, 'hex'), encode(convert_to($1, 'UTF8'), 'hex')) > 0`,
      [TENANT_SECRET],
    );
    assert.equal(sealed.n, 0);
  });
});
