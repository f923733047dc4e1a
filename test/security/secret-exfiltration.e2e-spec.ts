import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  sendJson,
  startLocalServer,
  type LocalServer,
} from '../../libs/adapters/src/testing/local-http-server';
import { createKey, createTenant, type KeyView, type TenantView } from '../factories/api-resources';
import { modelBody, planBody, scenarioBody } from '../factories/api-bodies';
import { rowCounts } from '../api/support/database-probes';
import { assertProblem } from '../api/support/problem-assertions';
import {
  startNotificationReceiver,
  type NotificationReceiver,
} from '../monitoring/support/notification-receiver';
import { waitFor } from '../support/poll';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';

const MODEL_KEY_ENV = 'LASTMILE_MODEL_KEY_EXFIL_SPEC';
const MODEL_KEY = 'sk-exfil-spec-model-key-31e5';
/** A key the operator binds to its provider's host (LASTMILE_SECRET_ENV_HOSTS). */
const BOUND_KEY_ENV = 'LASTMILE_MODEL_KEY_BOUND_SPEC';
const BOUND_KEY = 'sk-bound-spec-model-key-8d02';
const BOUND_HOST = 'models.example.com';
const TENANT_ROUTING_KEY = 'tenant-own-routing-key-77';

/**
 * The live privilege escalation this round closed: a customer (or ml) key naming a server
 * environment variable — the admin key, the database URL — so that a notification or a model
 * call carries its value to a host the caller controls. Every way in is refused, and rows stored
 * before the fix deliver nothing.
 */
describe('no API key can send the server environment anywhere', () => {
  let t: TestApp;
  let receiver: NotificationReceiver;
  let capture: LocalServer;
  let tenant: TenantView;
  let customer: KeyView;
  let ml: KeyView;
  let serverSecrets: string[];

  before(async () => {
    process.env[MODEL_KEY_ENV] = MODEL_KEY;
    process.env[BOUND_KEY_ENV] = BOUND_KEY;
    receiver = await startNotificationReceiver();
    // Stands in for a host an attacker controls: records every header of every model call.
    capture = await startLocalServer((_request, response) =>
      sendJson(response, 500, { error: { message: 'down' } }),
    );
    t = await startTestApp({
      runner: true,
      // The receiver is on loopback: listed for customers here, as an operator would list a host,
      // and standing in for PagerDuty's events API, which only the operator names.
      env: {
        LASTMILE_CUSTOMER_URL_ALLOWLIST: '127.0.0.1',
        LASTMILE_SECRET_ENV_HOSTS: `${BOUND_KEY_ENV}=${BOUND_HOST}`,
        LASTMILE_PAGERDUTY_EVENTS_URL: `${receiver.url}/v2/enqueue`,
      },
    });
    serverSecrets = [TEST_ADMIN_KEY, t.databaseUrl, MODEL_KEY, BOUND_KEY];
    tenant = await createTenant(t);
    customer = await createKey(t, 'customer', tenant.slug);
    ml = await createKey(t, 'ml');
  });
  after(async () => {
    await t.close();
    await receiver.close();
    await capture.close();
    delete process.env[MODEL_KEY_ENV];
    delete process.env[BOUND_KEY_ENV];
  });

  /** A model whose every call fails at once: a run on it fails and raises a health alert. */
  const deadModel = async () =>
    (
      await t.http
        .post('/v1/models')
        .set(bearer(ml.key))
        .send(
          modelBody({
            adapter: {
              kind: 'openai-chat',
              baseUrl: 'http://127.0.0.1:9/v1',
              model: 'dead',
              limits: { maxRetries: 0, timeoutMs: 2000 },
            },
          }),
        )
        .expect(201)
    ).body.id as string;
  const scenario = async () =>
    (await t.http.post('/v1/scenarios').set(bearer(ml.key)).send(scenarioBody()).expect(201)).body
      .id as string;

  it('refuses a customer channel naming LASTMILE_ADMIN_KEY or DATABASE_URL, and stores nothing', async () => {
    const [modelId, scenarioId] = [await deadModel(), await scenario()];
    const before = await rowCounts(t.dataSource);
    for (const secretEnv of ['LASTMILE_ADMIN_KEY', 'DATABASE_URL']) {
      const response = await t.http
        .post('/v1/plans')
        .set(bearer(customer.key))
        .send(
          planBody(modelId, scenarioId, {
            channels: [{ kind: 'pagerduty', url: `${receiver.url}/x`, secretEnv }],
          }),
        );
      // The routing key must come from a stored secret, and secretEnv is named as the reason.
      assertProblem(response, 400, ['channels[0].secret', 'channels[0].secretEnv']);
      assert.match(response.body.errors[1].reason, /no longer accepted.*secrets/);
    }
    assert.deepEqual(await rowCounts(t.dataSource), before);
  });

  it("refuses an ml model naming the server's own settings as its key, and stores nothing", async () => {
    const before = await rowCounts(t.dataSource);
    for (const apiKeyEnv of ['LASTMILE_ADMIN_KEY', 'DATABASE_URL', 'REDIS_URL', 'OPENAI_API_KEY']) {
      const response = await t.http
        .post('/v1/models')
        .set(bearer(ml.key))
        .send(
          modelBody({
            adapter: { kind: 'openai-chat', baseUrl: capture.origin, model: 'm', apiKeyEnv },
          }),
        );
      assertProblem(response, 400, ['adapter.apiKeyEnv']);
    }
    assert.deepEqual(await rowCounts(t.dataSource), before);
    // A variable under the operator's prefix is fine.
    await t.http
      .post('/v1/models')
      .set(bearer(ml.key))
      .send(
        modelBody({
          adapter: {
            kind: 'openai-chat',
            baseUrl: capture.origin,
            model: 'm',
            apiKeyEnv: MODEL_KEY_ENV,
          },
        }),
      )
      .expect(201);
  });

  it("delivers a tenant's page with the tenant's own routing key and nothing of the server's", async () => {
    await t.http
      .put(`/v1/tenants/${tenant.slug}/secrets/pd`)
      .set(bearer(customer.key))
      .send({ value: TENANT_ROUTING_KEY })
      .expect(201);
    const plan = (
      await t.http
        .post('/v1/plans')
        .set(bearer(customer.key))
        .send(
          planBody(await deadModel(), await scenario(), {
            sampleSize: 2,
            channels: [{ kind: 'pagerduty', secret: 'pd' }],
          }),
        )
        .expect(201)
    ).body;
    await t.http.post(`/v1/plans/${plan.id}/runs`).set(bearer(customer.key)).expect(202);
    const page = await waitFor(
      async () => receiver.requests.find((r) => r.path === '/v2/enqueue'),
      60_000,
      'the health page',
    );
    assert.equal(page.body.routing_key, TENANT_ROUTING_KEY);
  });

  it('delivers nothing through a channel stored before the fix that names the admin key', async () => {
    const plan = (
      await t.http
        .post('/v1/plans')
        .set(bearer(customer.key))
        .send(planBody(await deadModel(), await scenario(), { sampleSize: 2 }))
        .expect(201)
    ).body;
    // As an older version stored it: a channel naming an environment variable.
    await t.dataSource.query('UPDATE plans SET channels = $2 WHERE id = $1', [
      plan.id,
      JSON.stringify([
        { kind: 'pagerduty', url: `${receiver.url}/legacy`, secretEnv: 'LASTMILE_ADMIN_KEY' },
      ]),
    ]);
    const health = await t.http.get('/health').expect(200);
    assert.equal(health.body.status, 'degraded');
    assert.deepEqual(
      health.body.security.legacySecrets.map((use: { plans: number }) => use.plans),
      [1],
    );
    await t.http.post(`/v1/plans/${plan.id}/runs`).set(bearer(customer.key)).expect(202);
    const attempt = await waitFor(
      async () =>
        (
          await t.dataSource.query(
            `SELECT n.status, n.error FROM notifications n JOIN alerts a ON a.id = n.alert_id WHERE a.plan_id = $1`,
            [plan.id],
          )
        )[0] as { status: string; error: string } | undefined,
      60_000,
      'the refused delivery',
    );
    assert.equal(attempt.status, 'failed');
    assert.match(attempt.error, /secretEnv/);
    assert.equal(receiver.requests.filter((r) => r.path === '/legacy').length, 0);
  });

  it('never calls a model with a key named by a model row stored before the fix', async () => {
    const [{ id: modelId }] = await t.dataSource.query(
      `INSERT INTO models (name, version, modality, adapter, adapter_hash, default_params)
       VALUES ('legacy-exfil', '1', 'text', $1, 'legacy', '{}') RETURNING id`,
      [
        JSON.stringify({
          kind: 'openai-chat',
          baseUrl: capture.origin,
          model: 'm',
          apiKeyEnv: 'LASTMILE_ADMIN_KEY',
          limits: { maxRetries: 0 },
        }),
      ],
    );
    const plan = (
      await t.http
        .post('/v1/plans')
        .set(bearer(TEST_ADMIN_KEY))
        .send(planBody(modelId, await scenario(), { sampleSize: 2 }))
        .expect(201)
    ).body;
    const run = (await t.http.post(`/v1/plans/${plan.id}/runs`).set(bearer(ml.key)).expect(202))
      .body;
    const finished = await waitFor(
      async () => {
        const { body } = await t.http.get(`/v1/runs/${run.id}`).set(bearer(ml.key));
        return ['failed', 'partial', 'succeeded'].includes(body.status) ? body : undefined;
      },
      60_000,
      'the run',
    );
    assert.equal(finished.status, 'failed');
    assert.match(JSON.stringify(finished.errorSummary), /LASTMILE_ADMIN_KEY/);
    const health = await t.http.get('/health').expect(200);
    assert.ok(
      health.body.security.legacySecrets.some((use: { models: number }) => use.models === 1),
      JSON.stringify(health.body.security),
    );
  });

  it('sends a key the operator bound to hosts nowhere else: refused at creation, and never sent from a row stored before', async () => {
    const before = await rowCounts(t.dataSource);
    const bound = (baseUrl: string) =>
      modelBody({
        adapter: {
          kind: 'openai-chat',
          baseUrl,
          model: 'm',
          apiKeyEnv: BOUND_KEY_ENV,
          limits: { maxRetries: 0 },
        },
      });
    const refused = await t.http.post('/v1/models').set(bearer(ml.key)).send(bound(capture.origin));
    assertProblem(refused, 400, ['adapter.apiKeyEnv']);
    assert.match(
      refused.body.errors[0].reason,
      /LASTMILE_SECRET_ENV_HOSTS binds it to, not 127\.0\.0\.1/,
    );
    const judged = await t.http
      .post('/v1/scenarios')
      .set(bearer(ml.key))
      .send(
        scenarioBody({
          kind: 'open_answer',
          config: {
            judge: {
              model: {
                kind: 'openai-chat',
                baseUrl: capture.origin,
                model: 'j',
                apiKeyEnv: BOUND_KEY_ENV,
              },
            },
          },
        }),
      );
    assertProblem(judged, 400);
    assert.ok(
      judged.body.errors.some(
        (e: { field: string; reason: string }) =>
          e.field.endsWith('judge.model.apiKeyEnv') && /LASTMILE_SECRET_ENV_HOSTS/.test(e.reason),
      ),
      judged.text,
    );
    assert.deepEqual(await rowCounts(t.dataSource), before);
    await t.http
      .post('/v1/models')
      .set(bearer(ml.key))
      .send(bound(`https://${BOUND_HOST}/v1`))
      .expect(201);
    // A model row stored before the binding, pointing the bound key at the caller's host.
    const [{ id: modelId }] = await t.dataSource.query(
      `INSERT INTO models (name, version, modality, adapter, adapter_hash, default_params)
       VALUES ('legacy-bound', '1', 'text', $1, 'legacy-bound', '{}') RETURNING id`,
      [JSON.stringify(bound(capture.origin).adapter)],
    );
    const plan = (
      await t.http
        .post('/v1/plans')
        .set(bearer(ml.key))
        .send(planBody(modelId, await scenario(), { sampleSize: 2 }))
        .expect(201)
    ).body;
    const run = (await t.http.post(`/v1/plans/${plan.id}/runs`).set(bearer(ml.key)).expect(202))
      .body;
    const finished = await waitFor(
      async () => {
        const { body } = await t.http.get(`/v1/runs/${run.id}`).set(bearer(ml.key));
        return ['failed', 'partial', 'succeeded'].includes(body.status) ? body : undefined;
      },
      60_000,
      'the run',
    );
    assert.equal(finished.status, 'failed');
    assert.match(JSON.stringify(finished.errorSummary), /LASTMILE_SECRET_ENV_HOSTS/);
    assert.equal(
      capture.requests.filter((r) => JSON.stringify(r.headers).includes(BOUND_KEY)).length,
      0,
    );
    // /health names the row, so the operator finds it before on-call does.
    const health = await t.http.get('/health').expect(200);
    assert.match(JSON.stringify(health.body.security), /LASTMILE_SECRET_ENV_HOSTS/);
  });

  it('carried no server secret to any host, in any header or body', () => {
    const seen = [
      ...receiver.requests.map((r) => `${JSON.stringify(r.headers)} ${r.raw}`),
      ...capture.requests.map((r) => `${JSON.stringify(r.headers)} ${r.body ?? ''}`),
    ];
    assert.ok(seen.length > 0, 'something was sent, so the check means something');
    for (const secret of serverSecrets)
      assert.equal(
        seen.find((text) => text.includes(secret)),
        undefined,
        `${secret.slice(0, 12)}… left the server`,
      );
  });
});
