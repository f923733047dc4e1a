import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServerPolicy, type ServerPolicySettings } from '@lastmile/adapters';
import { RESERVED_ENV_NAMES } from '@lastmile/config';
import type { AlertMessage } from '@lastmile/monitoring';
import { NotificationSender, type ChannelSecrets } from './notification-sender';

const message: AlertMessage = {
  event: 'opened',
  at: '2025-01-01T00:00:00.000Z',
  note: null,
  alert: {
    id: 'a1',
    dedupKey: 'drift:p:s:all:wer',
    type: 'drift',
    status: 'open',
    severity: 'warning',
    title: 'wer worse',
    planId: 'p',
    modelId: 'm',
    tenantId: null,
    sliceId: 's',
    subgroup: 'all',
    metric: 'wer',
    seenCount: 1,
    openedAt: '2025-01-01T00:00:00.000Z',
    lastRunId: 'r',
  },
  evidence: {},
  links: { alert: '/v1/alerts/a1', report: null, dashboard: null },
};

const settings: ServerPolicySettings = {
  LASTMILE_ALLOW_COMMAND_ADAPTERS: false,
  LASTMILE_COMMAND_ALLOWLIST: '',
  LASTMILE_URL_ALLOWLIST: '',
  LASTMILE_CUSTOMER_URL_ALLOWLIST: '',
  LASTMILE_SECRET_ENV_PREFIX: 'LASTMILE_MODEL_KEY_',
  LASTMILE_SECRET_ENV_NAMES: '',
  LASTMILE_CREDENTIAL_HEADERS: '',
};
const policy = (overrides: Partial<ServerPolicySettings> = {}) =>
  new ServerPolicy({ ...settings, ...overrides }, RESERVED_ENV_NAMES);

const TENANT = '5d1b1d0e-0000-4000-8000-000000000001';
const forTenant: AlertMessage = { ...message, alert: { ...message.alert, tenantId: TENANT } };

/** Stored secrets by owner (null = the operator); SecretsStore itself is specced on PostgreSQL. */
function secretsOf(entries: Record<string, Record<string, string>>): ChannelSecrets {
  return {
    reveal: async (owner, name) => entries[owner ?? 'operator']?.[name] ?? null,
  };
}

describe('NotificationSender (against a real local HTTP server)', () => {
  let server: Server;
  let base: string;
  /** The operator's LASTMILE_PAGERDUTY_EVENTS_URL: the local server's /v2/enqueue. */
  const pagerDuty = () => ({ pagerDutyEventsUrl: `${base}/v2/enqueue` });
  let status = 200;
  const seen: { path: string; headers: IncomingHttpHeaders; raw: string }[] = [];
  const secrets = secretsOf({
    operator: { hook: 's3cr3t-value', pd: 'routing-key-1' },
    [TENANT]: { hook: 'tenant-hook-secret' },
  });

  before(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        seen.push({
          path: request.url ?? '',
          headers: request.headers,
          raw: Buffer.concat(chunks).toString(),
        });
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("signs a webhook body with the stored secret of the plan's owner and sends the idempotency key", async () => {
    const sender = new NotificationSender(policy(), secrets, pagerDuty());
    const result = await sender.deliver(
      { kind: 'webhook', url: `${base}/hook`, secret: 'hook' },
      message,
      'lm-key-1',
    );
    assert.deepEqual(result, {
      delivered: true,
      responseStatus: 200,
      error: null,
      retryable: false,
    });
    const last = seen.at(-1)!;
    assert.equal(
      last.headers['x-lastmile-signature'],
      `sha256=${createHmac('sha256', 's3cr3t-value').update(last.raw).digest('hex')}`,
    );
    assert.equal(last.headers['idempotency-key'], 'lm-key-1');
    assert.equal(JSON.parse(last.raw).alert.id, 'a1');
    // The same name under a tenant opens the tenant's own secret, never the operator's.
    const tenantSender = new NotificationSender(
      policy({ LASTMILE_CUSTOMER_URL_ALLOWLIST: '127.0.0.1' }),
      secrets,
      pagerDuty(),
    );
    await tenantSender.deliver(
      { kind: 'webhook', url: `${base}/hook`, secret: 'hook' },
      forTenant,
      'k',
    );
    const tenantLast = seen.at(-1)!;
    assert.equal(
      tenantLast.headers['x-lastmile-signature'],
      `sha256=${createHmac('sha256', 'tenant-hook-secret').update(tenantLast.raw).digest('hex')}`,
    );
  });

  it('puts the routing key in a PagerDuty body and refuses a PagerDuty channel without one', async () => {
    const sender = new NotificationSender(policy(), secrets, pagerDuty());
    await sender.deliver({ kind: 'pagerduty', secret: 'pd' }, message, 'k');
    assert.equal(seen.at(-1)!.path, '/v2/enqueue');
    assert.equal(JSON.parse(seen.at(-1)!.raw).routing_key, 'routing-key-1');
    const before = seen.length;
    const missing = await sender.deliver(
      { kind: 'pagerduty', url: `${base}/v2/enqueue` },
      message,
      'k',
    );
    assert.deepEqual([missing.delivered, missing.retryable], [false, false]);
    const unknown = await sender.deliver(
      { kind: 'pagerduty', url: `${base}/v2/enqueue`, secret: 'pd' },
      forTenant,
      'k',
    );
    assert.equal(unknown.error, "no secret named pd for the plan's tenant");
    assert.equal(seen.length, before, 'nothing was sent');
  });

  it("sends a secret's value only where its owner configured it: routing keys to the operator's PagerDuty URL, webhook secrets into a signature", async () => {
    const sender = new NotificationSender(policy(), secrets, pagerDuty());
    const before = seen.length;
    // A channel stored with a url of its caller's choosing still pages the operator's URL.
    const paged = await sender.deliver(
      { kind: 'pagerduty', url: `${base}/caller-chosen`, secret: 'pd' },
      message,
      'k',
    );
    assert.equal(paged.delivered, true);
    await sender.deliver(
      { kind: 'webhook', url: `${base}/caller-chosen`, secret: 'hook' },
      message,
      'k',
    );
    const sent = seen.slice(before);
    assert.deepEqual(
      sent.map((request) => request.path),
      ['/v2/enqueue', '/caller-chosen'],
    );
    const toCaller = sent.filter((request) => request.path === '/caller-chosen');
    for (const request of toCaller)
      for (const value of ['routing-key-1', 's3cr3t-value'])
        assert.ok(!`${JSON.stringify(request.headers)} ${request.raw}`.includes(value), value);
  });

  it('refuses a channel that names an environment variable, whatever its value, without sending', async () => {
    process.env.LASTMILE_ADMIN_KEY_FOR_SENDER_SPEC = 'must-never-leave';
    const before = seen.length;
    const sender = new NotificationSender(policy(), secrets, pagerDuty());
    const result = await sender.deliver(
      {
        kind: 'pagerduty',
        url: `${base}/v2/enqueue`,
        secretEnv: 'LASTMILE_ADMIN_KEY_FOR_SENDER_SPEC',
      },
      message,
      'k',
    );
    delete process.env.LASTMILE_ADMIN_KEY_FOR_SENDER_SPEC;
    assert.deepEqual([result.delivered, result.retryable], [false, false]);
    assert.match(result.error!, /secretEnv/);
    assert.equal(seen.length, before);
  });

  it('retries 5xx and 429, not other 4xx, and never names the Slack URL kept as a secret', async () => {
    const slack = secretsOf({ operator: { slack: `${base}/services/T0/B0/PATHSECRET` } });
    const sender = new NotificationSender(policy(), slack, pagerDuty());
    const channel = { kind: 'slack' as const, secret: 'slack' };
    const verdicts: [number, boolean][] = [];
    for (const code of [503, 429, 400, 404]) {
      status = code;
      const result = await sender.deliver(channel, message, 'k');
      verdicts.push([code, result.retryable]);
      assert.ok(!result.error!.includes('PATHSECRET'));
    }
    status = 200;
    assert.equal(seen.at(-1)!.path, '/services/T0/B0/PATHSECRET');
    assert.deepEqual(verdicts, [
      [503, true],
      [429, true],
      [400, false],
      [404, false],
    ]);
  });

  it('refuses a URL outside the allow-list without sending anything', async () => {
    const before = seen.length;
    const sender = new NotificationSender(
      policy({ LASTMILE_URL_ALLOWLIST: '10.0.0.0/8, hooks.example.com' }),
      secrets,
      pagerDuty(),
    );
    const result = await sender.deliver({ kind: 'webhook', url: `${base}/hook` }, message, 'k');
    assert.deepEqual([result.delivered, result.retryable], [false, false]);
    assert.match(result.error!, /not allowed by LASTMILE_URL_ALLOWLIST/);
    assert.equal(seen.length, before);
  });

  it("refuses a tenant's channel to loopback, private or metadata addresses before connecting, unless the operator lists them", async () => {
    const before = seen.length;
    const sender = new NotificationSender(policy(), secrets, pagerDuty());
    for (const url of [
      `${base}/hook`,
      'http://10.1.2.3/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
    ]) {
      const result = await sender.deliver({ kind: 'webhook', url }, forTenant, 'k');
      assert.deepEqual([result.delivered, result.retryable], [false, false], url);
      assert.match(result.error!, /LASTMILE_CUSTOMER_URL_ALLOWLIST/, url);
    }
    // A name is checked inside the socket's own lookup: localhost resolves to loopback, refused.
    const port = new URL(base).port;
    const named = await sender.deliver(
      { kind: 'webhook', url: `http://localhost:${port}/hook` },
      forTenant,
      'k',
    );
    assert.deepEqual([named.delivered, named.retryable], [false, false]);
    assert.match(named.error!, /localhost resolves to .*loopback/);
    assert.equal(seen.length, before, 'no request reached the local server');
    const listed = new NotificationSender(
      policy({ LASTMILE_CUSTOMER_URL_ALLOWLIST: '127.0.0.1' }),
      secrets,
      pagerDuty(),
    );
    const allowed = await listed.deliver({ kind: 'webhook', url: `${base}/hook` }, forTenant, 'k');
    assert.equal(allowed.delivered, true);
  });

  it('treats an unreachable receiver as retryable', async () => {
    const sender = new NotificationSender(policy(), secrets, pagerDuty());
    const result = await sender.deliver(
      { kind: 'webhook', url: 'http://127.0.0.1:9/hook' },
      message,
      'k',
    );
    assert.deepEqual([result.delivered, result.retryable], [false, true]);
    assert.match(result.error!, /^POST 127\.0\.0\.1:9 failed: ECONNREFUSED/);
  });
});
