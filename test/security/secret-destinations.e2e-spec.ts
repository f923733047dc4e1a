import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Database } from '@lastmile/persistence';
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

const ROUTING_KEY = 'tenant-routing-key-5c1e';
const OPERATOR_ROUTING_KEY = 'operator-routing-key-9a2f';
const HOOK_SECRET = 'tenant-hook-secret-77b0';
const SLACK_PATH_SECRET = 'XYZSLACKPATHSECRET';

/**
 * A stored secret reaches only the destination its owner configured: a PagerDuty routing key goes
 * to the operator's PagerDuty events URL, a webhook secret only signs, a Slack URL is itself the
 * destination and is held to the owner's URL policy. An `ml` key that reads a tenant's plans sees
 * its secrets' names; naming them in a channel of its own sends them nowhere.
 */
describe('a secret goes only where its owner sends it', () => {
  let t: TestApp;
  /** Stands in for PagerDuty's events API: the operator's LASTMILE_PAGERDUTY_EVENTS_URL. */
  let pagerDuty: NotificationReceiver;
  /** A host the caller controls. */
  let attacker: NotificationReceiver;
  let tenant: TenantView;
  let customer: KeyView;
  let ml: KeyView;
  let refs: { modelId: string; scenarioId: string };
  let tenantPlan: { id: string; channels: unknown[] };

  before(async () => {
    pagerDuty = await startNotificationReceiver({ okStatus: 202 });
    attacker = await startNotificationReceiver();
    t = await startTestApp({
      runner: true,
      env: {
        // Both receivers are on loopback; listed for customers, loopback passes the URL policy
        // as any public host would: the policy is not what keeps secrets home here.
        LASTMILE_CUSTOMER_URL_ALLOWLIST: '127.0.0.1',
        LASTMILE_PAGERDUTY_EVENTS_URL: `${pagerDuty.url}/v2/enqueue`,
      },
    });
    tenant = await createTenant(t);
    [customer, ml] = [await createKey(t, 'customer', tenant.slug), await createKey(t, 'ml')];
    for (const [name, value] of [
      ['pd', ROUTING_KEY],
      ['hook', HOOK_SECRET],
    ])
      await t.http
        .put(`/v1/tenants/${tenant.slug}/secrets/${name}`)
        .set(bearer(customer.key))
        .send({ value })
        .expect(201);
    await t.http
      .put('/v1/secrets/ops-pd')
      .set(bearer(ml.key))
      .send({ value: OPERATOR_ROUTING_KEY })
      .expect(201);
    // A model whose every call fails at once: each run fails and raises a health alert.
    const model = await t.http
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
      .expect(201);
    const scenario = await t.http
      .post('/v1/scenarios')
      .set(bearer(ml.key))
      .send(scenarioBody())
      .expect(201);
    refs = { modelId: model.body.id, scenarioId: scenario.body.id };
    tenantPlan = (
      await t.http
        .post('/v1/plans')
        .set(bearer(customer.key))
        .send(
          planBody(refs.modelId, refs.scenarioId, {
            sampleSize: 2,
            channels: [{ kind: 'pagerduty', secret: 'pd' }],
          }),
        )
        .expect(201)
    ).body;
  });
  after(async () => {
    await t.close();
    await pagerDuty.close();
    await attacker.close();
  });

  const plan = (key: string, overrides: Record<string, unknown>) =>
    t.http
      .post('/v1/plans')
      .set(bearer(key))
      .send(planBody(refs.modelId, refs.scenarioId, overrides));

  it("refuses an ml key naming a tenant's secrets in a channel, on a new plan or the tenant's own", async () => {
    // The first step of the attack works: an ml key reads the tenant's plans and their secret names.
    const listed = await t.http.get('/v1/plans').set(bearer(ml.key)).expect(200);
    const seen = listed.body.find((p: { id: string }) => p.id === tenantPlan.id);
    assert.equal(seen.channels[0].secret, 'pd');
    const before = await rowCounts(t.dataSource);
    // Each channel, and how a PATCH of the tenant's plan is refused: the tenant's own PagerDuty
    // channel may be kept, but never pointed elsewhere.
    const stolen: [Record<string, string>, number, string][] = [
      [{ kind: 'pagerduty', url: `${attacker.url}/x`, secret: 'pd' }, 400, 'channels[0].url'],
      [{ kind: 'webhook', url: `${attacker.url}/x`, secret: 'hook' }, 403, 'channels[0].secret'],
      [{ kind: 'slack', secret: 'hook' }, 403, 'channels[0].secret'],
    ];
    for (const [channel, patchStatus, patchField] of stolen) {
      const created = await plan(ml.key, { tenant: tenant.slug, channels: [channel] });
      assertProblem(created, 403, ['channels[0].secret']);
      assert.match(created.body.errors[0].reason, /the tenant's own keys or an admin key/);
      assertProblem(
        await t.http
          .patch(`/v1/plans/${tenantPlan.id}`)
          .set(bearer(ml.key))
          .send({ channels: [channel] }),
        patchStatus,
        [patchField],
      );
    }
    // Naming the tenant's routing key on a plan of its own choosing is refused too.
    assertProblem(
      await plan(ml.key, { tenant: tenant.slug, channels: [{ kind: 'pagerduty', secret: 'pd' }] }),
      403,
      ['channels[0].secret'],
    );
    assert.deepEqual(await rowCounts(t.dataSource), before);
    // An ml key may still change a tenant's plan, keeping the channels its owner set.
    await t.http
      .patch(`/v1/plans/${tenantPlan.id}`)
      .set(bearer(ml.key))
      .send({ channels: [...tenantPlan.channels, { kind: 'webhook', url: `${attacker.url}/ml` }] })
      .expect(200);
    await t.http
      .patch(`/v1/plans/${tenantPlan.id}`)
      .set(bearer(ml.key))
      .send({ channels: tenantPlan.channels })
      .expect(200);
    // The tenant's own keys and the admin may name its secrets.
    await plan(TEST_ADMIN_KEY, {
      tenant: tenant.slug,
      channels: [{ kind: 'pagerduty', secret: 'pd' }],
    }).expect(201);
  });

  it('refuses a PagerDuty channel with a url other than the operator’s events URL, from any key', async () => {
    const before = await rowCounts(t.dataSource);
    for (const [key, overrides] of [
      [customer.key, { channels: [{ kind: 'pagerduty', url: `${attacker.url}/x`, secret: 'pd' }] }],
      [ml.key, { channels: [{ kind: 'pagerduty', url: `${attacker.url}/x`, secret: 'ops-pd' }] }],
      [
        TEST_ADMIN_KEY,
        {
          tenant: tenant.slug,
          channels: [{ kind: 'pagerduty', url: 'https://events.example.com/v2', secret: 'pd' }],
        },
      ],
    ] as const) {
      const response = await plan(key, overrides);
      assertProblem(response, 400, ['channels[0].url']);
      assert.match(response.body.errors[0].reason, /LASTMILE_PAGERDUTY_EVENTS_URL/);
    }
    assert.deepEqual(await rowCounts(t.dataSource), before);
    // The configured URL itself may be named; the stored channel goes there without naming it.
    const named = await plan(customer.key, {
      channels: [{ kind: 'pagerduty', url: `${pagerDuty.url}/v2/enqueue`, secret: 'pd' }],
    }).expect(201);
    assert.deepEqual(named.body.channels, [{ kind: 'pagerduty', secret: 'pd' }]);
  });

  it("refuses a Slack URL the owner's URL policy refuses, when stored and when a channel names it", async () => {
    for (const value of [
      `http://10.0.0.7/services/T0/B0/${SLACK_PATH_SECRET}`,
      `http://169.254.169.254/services/T0/B0/${SLACK_PATH_SECRET}`,
    ]) {
      const stored = await t.http
        .put(`/v1/tenants/${tenant.slug}/secrets/slack`)
        .set(bearer(customer.key))
        .send({ value });
      assertProblem(stored, 400, ['value']);
      assert.match(stored.body.errors[0].reason, /LASTMILE_CUSTOMER_URL_ALLOWLIST/);
      assert.ok(!stored.text.includes(SLACK_PATH_SECRET), 'the URL path is never echoed');
    }
    // One stored before this check: refused when a Slack channel names it.
    await t.app
      .get(Database)
      .stores.secrets.put(
        tenant.id,
        'slack-old',
        `http://10.0.0.7/services/T/B/${SLACK_PATH_SECRET}`,
      );
    const named = await plan(customer.key, { channels: [{ kind: 'slack', secret: 'slack-old' }] });
    assertProblem(named, 400, ['channels[0].secret']);
    assert.match(named.body.errors[0].reason, /10\.0\.0\.7.*LASTMILE_CUSTOMER_URL_ALLOWLIST/);
    assert.ok(!named.text.includes(SLACK_PATH_SECRET), 'the URL path is never echoed');
    // A secret that is no URL at all cannot be a Slack webhook.
    const notUrl = await plan(customer.key, { channels: [{ kind: 'slack', secret: 'hook' }] });
    assertProblem(notUrl, 400, ['channels[0].secret']);
    assert.match(notUrl.body.errors[0].reason, /not an http\(s\) URL/);
    assert.ok(!notUrl.text.includes(HOOK_SECRET));
    // A Slack URL on a host the tenant may reach is fine.
    await t.http
      .put(`/v1/tenants/${tenant.slug}/secrets/slack`)
      .set(bearer(customer.key))
      .send({ value: `${attacker.url}/services/T0/B0/ok` })
      .expect(201);
    await plan(customer.key, { channels: [{ kind: 'slack', secret: 'slack' }] }).expect(201);
  });

  it('pages the configured PagerDuty URL only, even through a channel stored with another url, and a webhook secret only signs', async () => {
    // As stored before the fix: the PagerDuty channel's url is the attacker's.
    const stored = (
      await plan(customer.key, {
        sampleSize: 2,
        channels: [{ kind: 'webhook', url: `${attacker.url}/signed`, secret: 'hook' }],
      }).expect(201)
    ).body;
    await t.dataSource.query('UPDATE plans SET channels = $2 WHERE id = $1', [
      stored.id,
      JSON.stringify([
        { kind: 'pagerduty', url: `${attacker.url}/legacy`, secret: 'pd' },
        { kind: 'webhook', url: `${attacker.url}/signed`, secret: 'hook' },
      ]),
    ]);
    await t.http.post(`/v1/plans/${stored.id}/runs`).set(bearer(customer.key)).expect(202);
    const page = await waitFor(
      async () =>
        pagerDuty.requests.find((r) =>
          String(r.body.payload && (r.body.payload as { source: string }).source).endsWith(
            stored.id,
          ),
        ),
      60_000,
      'the page at the configured PagerDuty URL',
    );
    assert.equal(page.path, '/v2/enqueue');
    assert.equal(page.body.routing_key, ROUTING_KEY);
    const signed = await waitFor(
      async () => attacker.requests.find((r) => r.path === '/signed'),
      60_000,
      'the signed webhook',
    );
    assert.match(String(signed.headers['x-lastmile-signature']), /^sha256=[0-9a-f]{64}$/);
    assert.equal(attacker.requests.filter((r) => r.path === '/legacy').length, 0);
  });

  it('carried no secret value to a host a caller chose', () => {
    assert.ok(
      attacker.requests.length > 0,
      'something was sent there, so the check means something',
    );
    for (const request of attacker.requests)
      for (const secret of [ROUTING_KEY, OPERATOR_ROUTING_KEY, HOOK_SECRET])
        assert.ok(
          !`${JSON.stringify(request.headers)} ${request.raw}`.includes(secret),
          `${secret} reached ${request.path}`,
        );
  });
});
