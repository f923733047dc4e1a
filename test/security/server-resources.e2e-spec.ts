import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { audioZip, twoClips } from '@lastmile/slices/testing';
import { createKey, createTenant, type KeyView, type TenantView } from '../factories/api-resources';
import { modelBody, planBody, scenarioBody } from '../factories/api-bodies';
import { rowCounts } from '../api/support/database-probes';
import { assertProblem } from '../api/support/problem-assertions';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';

/**
 * Every input that names a server resource, one row of docs/security.md each: URLs a customer
 * sets, environment variables and credential headers in specs, programs, what customers can read,
 * schedules and per-tenant quotas.
 */
describe('inputs that name server resources', () => {
  let t: TestApp;
  let tenant: TenantView;
  let otherTenant: TenantView;
  let customer: KeyView;
  let customer2: KeyView;
  let otherCustomer: KeyView;
  let ml: KeyView;
  let refs: { modelId: string; scenarioId: string };

  before(async () => {
    t = await startTestApp({
      env: {
        LASTMILE_CREDENTIAL_HEADERS: 'x-tenant-token',
        LASTMILE_ALLOW_COMMAND_ADAPTERS: 'true',
        LASTMILE_COMMAND_ALLOWLIST: 'pocketsphinx_continuous',
        LASTMILE_TENANT_RUNS_PER_HOUR: '2',
        LASTMILE_RATE_LIMIT_PER_KEY_PER_MINUTE: '40',
      },
    });
    [tenant, otherTenant] = [await createTenant(t), await createTenant(t)];
    [customer, customer2, otherCustomer, ml] = await Promise.all([
      createKey(t, 'customer', tenant.slug),
      createKey(t, 'customer', tenant.slug),
      createKey(t, 'customer', otherTenant.slug),
      createKey(t, 'ml'),
    ]);
    const model = await t.http.post('/v1/models').set(bearer(ml.key)).send(modelBody()).expect(201);
    const scenario = await t.http
      .post('/v1/scenarios')
      .set(bearer(ml.key))
      .send(scenarioBody())
      .expect(201);
    refs = { modelId: model.body.id, scenarioId: scenario.body.id };
  });
  after(async () => t.close());

  const customerPlan = (overrides: Record<string, unknown>, key = customer.key) =>
    t.http
      .post('/v1/plans')
      .set(bearer(key))
      .send(planBody(refs.modelId, refs.scenarioId, overrides));

  it('refuses customer channel URLs on loopback, private, link-local or metadata addresses before any connection', async () => {
    const before = await rowCounts(t.dataSource);
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://10.0.0.7/hook',
      'http://192.168.1.1/hook',
      'http://169.254.169.254/latest/meta-data/iam',
      'http://[fd00:ec2::254]/latest',
      'http://[::ffff:127.0.0.1]/hook',
      'http://2130706433/hook',
      'http://localhost:8080/hook',
    ]) {
      const response = await customerPlan({ channels: [{ kind: 'webhook', url }] });
      assertProblem(response, 400, ['channels[0].url']);
      assert.match(response.body.errors[0].reason, /LASTMILE_CUSTOMER_URL_ALLOWLIST/, url);
    }
    assert.deepEqual(await rowCounts(t.dataSource), before);
    // A public host (not resolvable here: checked again at every delivery) is accepted.
    await customerPlan({
      channels: [{ kind: 'webhook', url: 'https://hooks.example.com/ward' }],
    }).expect(201);
    // The operator's own plans keep the general allow-list (which allows all here).
    await t.http
      .post('/v1/plans')
      .set(bearer(ml.key))
      .send(
        planBody(refs.modelId, refs.scenarioId, {
          channels: [{ kind: 'webhook', url: 'http://127.0.0.1:8080/hook' }],
        }),
      )
      .expect(201);
  });

  it('refuses a channel naming a secret its owner has not stored, and another tenant’s secret', async () => {
    await t.http
      .put(`/v1/tenants/${otherTenant.slug}/secrets/their-hook`)
      .set(bearer(otherCustomer.key))
      .send({ value: 'theirs' })
      .expect(201);
    const response = await customerPlan({
      channels: [{ kind: 'webhook', url: 'https://hooks.example.com/x', secret: 'their-hook' }],
    });
    assertProblem(response, 400, ['channels[0].secret']);
    assert.match(
      response.body.errors[0].reason,
      /no secret named their-hook for the plan's tenant/,
    );
  });

  it('keeps secrets write-only, per tenant, and refuses other tenants with 404', async () => {
    const path = `/v1/tenants/${tenant.slug}/secrets/ward-pager`;
    const created = await t.http.put(path).set(bearer(customer.key)).send({ value: 'v1' });
    assert.equal(created.status, 201);
    const rotated = await t.http.put(path).set(bearer(customer2.key)).send({ value: 'v2' });
    assert.equal(rotated.status, 200);
    assert.ok(new Date(rotated.body.rotatedAt) >= new Date(created.body.rotatedAt));
    const listed = await t.http
      .get(`/v1/tenants/${tenant.slug}/secrets`)
      .set(bearer(customer.key))
      .expect(200);
    assert.deepEqual(
      listed.body.map((s: Record<string, unknown>) => Object.keys(s).sort()),
      [['createdAt', 'name', 'rotatedAt']],
    );
    assert.ok(!JSON.stringify(listed.body).includes('v2'));
    assertProblem(
      await t.http.get(`/v1/tenants/${tenant.slug}/secrets`).set(bearer(otherCustomer.key)),
      404,
    );
    assertProblem(await t.http.put(path).set(bearer(otherCustomer.key)).send({ value: 'x' }), 404);
    assertProblem(
      await t.http
        .put(`/v1/tenants/${tenant.slug}/secrets/Bad Name`)
        .set(bearer(customer.key))
        .send({ value: 'x' }),
      400,
    );
    assertProblem(await t.http.put(path).set(bearer(customer.key)).send({ value: '' }), 400, [
      'value',
    ]);
  });

  it('refuses credential headers in specs, built-in and operator-listed, in models and scenario configs', async () => {
    const before = await rowCounts(t.dataSource);
    for (const header of ['X-Api-Key', 'api-key', 'x-tenant-token']) {
      const response = await t.http
        .post('/v1/models')
        .set(bearer(ml.key))
        .send(
          modelBody({
            adapter: {
              kind: 'openai-chat',
              baseUrl: 'http://127.0.0.1:9/v1',
              model: 'm',
              headers: { [header]: 'k-123' },
            },
          }),
        );
      assertProblem(response, 400);
      assert.match(response.body.errors[0].field, /^adapter\.headers/);
    }
    const classifier = await t.http
      .post('/v1/scenarios')
      .set(bearer(ml.key))
      .send(
        scenarioBody({
          kind: 'toxicity',
          config: {
            scorer: 'http',
            classifier: { style: 'perspective', apiKeyEnv: 'LASTMILE_ADMIN_KEY' },
          },
        }),
      );
    assertProblem(classifier, 400, ['config.classifier.apiKeyEnv']);
    assert.deepEqual(await rowCounts(t.dataSource), before);
  });

  it('runs only the programs the operator lists, and only for admin and ml keys', async () => {
    const command = (argv: string[]) =>
      modelBody({ modality: 'speech', adapter: { kind: 'command', argv: [...argv, '{audio}'] } });
    assertProblem(
      await t.http
        .post('/v1/models')
        .set(bearer(ml.key))
        .send(command(['sh', '-c'])),
      400,
      ['adapter.argv[0]'],
    );
    await t.http
      .post('/v1/models')
      .set(bearer(ml.key))
      .send(command(['pocketsphinx_continuous', '-infile']))
      .expect(201);
    assertProblem(
      await t.http
        .post('/v1/models')
        .set(bearer(customer.key))
        .send(command(['pocketsphinx_continuous'])),
      403,
    );
  });

  it('shows customers what a model and a scenario are, never how they are configured', async () => {
    const models = await t.http.get('/v1/models').set(bearer(customer.key)).expect(200);
    const model = await t.http
      .get(`/v1/models/${refs.modelId}`)
      .set(bearer(customer.key))
      .expect(200);
    for (const view of [...models.body, model.body])
      assert.deepEqual(Object.keys(view).sort(), [
        'createdAt',
        'id',
        'modality',
        'name',
        'version',
      ]);
    const scenario = await t.http
      .get(`/v1/scenarios/${refs.scenarioId}`)
      .set(bearer(customer.key))
      .expect(200);
    assert.deepEqual(Object.keys(scenario.body).sort(), ['createdAt', 'id', 'kind', 'name']);
    // The ML team still sees the adapter.
    const full = await t.http.get(`/v1/models/${refs.modelId}`).set(bearer(ml.key)).expect(200);
    assert.equal(full.body.adapter.kind, 'openai-chat');
  });

  it('refuses customer schedules that fire more often than the operator minimum', async () => {
    for (const cron of ['* * * * * *', '*/10 * * * * *', '*/1 * * * *', '0,1 9 * * *']) {
      const response = await customerPlan({ cron });
      assertProblem(response, 400, ['cron']);
    }
    const plan = (await customerPlan({ cron: '*/5 * * * *' }).expect(201)).body;
    assertProblem(
      await t.http
        .patch(`/v1/plans/${plan.id}`)
        .set(bearer(customer.key))
        .send({ cron: '* * * * *' }),
      400,
      ['cron'],
    );
    // The operator's own keys may still schedule tightly (the demo does).
    await t.http
      .patch(`/v1/plans/${plan.id}`)
      .set(bearer(TEST_ADMIN_KEY))
      .send({ cron: '*/5 * * * * *' })
      .expect(200);
  });

  it("caps a tenant's runs per hour with a 429 problem and Retry-After, queuing nothing more", async () => {
    const plan = (await customerPlan({}).expect(201)).body;
    const runs = async () =>
      (
        await t.dataSource.query('SELECT count(*)::int AS n FROM runs WHERE tenant_id = $1', [
          tenant.id,
        ])
      )[0].n;
    const startedWith = await runs();
    for (let i = startedWith; i < 2; i++)
      await t.http.post(`/v1/plans/${plan.id}/runs`).set(bearer(customer.key)).expect(202);
    const refused = await t.http.post(`/v1/plans/${plan.id}/runs`).set(bearer(customer2.key));
    assertProblem(refused, 429);
    assert.match(refused.body.detail, /LASTMILE_TENANT_RUNS_PER_HOUR=2/);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.equal(await runs(), 2);
    // Another tenant is not affected.
    const other = (await customerPlan({}, otherCustomer.key).expect(201)).body;
    await t.http.post(`/v1/plans/${other.id}/runs`).set(bearer(otherCustomer.key)).expect(202);
  });

  it("reads an uploaded GLM's section patterns as names, never as regular expressions: others are a 422", async () => {
    const { rows, files } = twoClips();
    const upload = (pattern: string) =>
      t.http
        .post(`/v1/tenants/${tenant.slug}/slices`)
        .set(bearer(customer.key))
        .field('name', 'ward-glm')
        .attach(
          'file',
          audioZip(rows, files, [
            {
              name: 'alternates.glm',
              data: Buffer.from(
                `;;\n* name "ward"\n;; INPUT_DEPENDENT_APPLICATION = "${pattern}"\nHEALTHCARE => HEALTH CARE\n`,
              ),
            },
          ]),
          'ward.zip',
        );
    const before = await rowCounts(t.dataSource);
    // An invalid pattern (a 500 when it was compiled) and a catastrophic one.
    for (const pattern of ['(', '(a+)+$', '((((.*)*)*)*)*x']) {
      const started = Date.now();
      const response = await upload(pattern);
      assertProblem(response, 422, ['alternates.glm']);
      assert.match(response.body.errors[0].reason, /GLM line 3: INPUT_DEPENDENT_APPLICATION/);
      assert.ok(Date.now() - started < 2000, 'answered at once');
    }
    assert.deepEqual(await rowCounts(t.dataSource), before);
    // What real GLM files write there is still read as csrfilt.sh reads it.
    const kept = await upload('hyp|trn').expect(201);
    assert.match(kept.body.alternates, /INPUT_DEPENDENT_APPLICATION = "hyp\|trn"/);
  });

  it('counts the API rate limit per tenant across its keys, not per client address', async () => {
    // Earlier tests spent some of this tenant's budget; spend the rest over two keys.
    let status = 200;
    let sent = 0;
    for (; sent < 60 && status === 200; sent++) {
      const key = sent % 2 === 0 ? customer.key : customer2.key;
      status = (await t.http.get('/v1/plans').set(bearer(key))).status;
    }
    assert.equal(status, 429, `still allowed after ${sent} requests`);
    const limited = await t.http.get('/v1/plans').set(bearer(customer2.key));
    assertProblem(limited, 429);
    assert.match(limited.body.detail, /this tenant's keys/);
    assert.ok(Number(limited.headers['retry-after']) > 0);
    // The other tenant and the operator's keys have budgets of their own.
    await t.http.get('/v1/plans').set(bearer(otherCustomer.key)).expect(200);
    await t.http.get('/v1/plans').set(bearer(ml.key)).expect(200);
  });

  it('compiles no API input as a regular expression: a catastrophic pattern is a plain string', async () => {
    const pattern = `${'a'.repeat(40)}!`;
    const started = Date.now();
    await t.http
      .get(`/v1/models?name=${encodeURIComponent('(a+)+$')}`)
      .set(bearer(ml.key))
      .expect(200);
    const response = await t.http
      .post('/v1/models')
      .set(bearer(ml.key))
      .send(
        modelBody({
          adapter: { kind: 'http', url: 'http://127.0.0.1:9/x', responsePath: `$.${pattern}` },
        }),
      );
    assert.ok([201, 400].includes(response.status));
    assert.ok(Date.now() - started < 2000, 'answered at once');
  });
});
