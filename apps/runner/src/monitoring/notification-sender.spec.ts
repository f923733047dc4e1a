import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { allowAllUrls, parseUrlAllowlist } from '@lastmile/adapters';
import type { AlertMessage } from '@lastmile/monitoring';
import { NotificationSender } from './notification-sender';

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

describe('NotificationSender (against a real local HTTP server)', () => {
  let server: Server;
  let base: string;
  let status = 200;
  const seen: { path: string; headers: IncomingHttpHeaders; raw: string }[] = [];
  const env = { HOOK_SECRET: 's3cr3t-value', PD_KEY: 'routing-key-1' };

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

  it('signs a webhook body with the secret from the named variable and sends the idempotency key', async () => {
    const sender = new NotificationSender(allowAllUrls, env);
    const result = await sender.deliver(
      { kind: 'webhook', url: `${base}/hook`, secretEnv: 'HOOK_SECRET' },
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
      `sha256=${createHmac('sha256', env.HOOK_SECRET).update(last.raw).digest('hex')}`,
    );
    assert.equal(last.headers['idempotency-key'], 'lm-key-1');
    assert.equal(JSON.parse(last.raw).alert.id, 'a1');
  });

  it('puts the routing key in a PagerDuty body and refuses a PagerDuty channel without one', async () => {
    const sender = new NotificationSender(allowAllUrls, env);
    await sender.deliver(
      { kind: 'pagerduty', url: `${base}/v2/enqueue`, secretEnv: 'PD_KEY' },
      message,
      'k',
    );
    assert.equal(JSON.parse(seen.at(-1)!.raw).routing_key, 'routing-key-1');
    const missing = await sender.deliver(
      { kind: 'pagerduty', url: `${base}/v2/enqueue` },
      message,
      'k',
    );
    assert.deepEqual([missing.delivered, missing.retryable], [false, false]);
    const unset = await sender.deliver(
      { kind: 'webhook', url: `${base}/hook`, secretEnv: 'NOT_SET' },
      message,
      'k',
    );
    assert.equal(unset.error, 'environment variable NOT_SET is not set');
  });

  it('retries 5xx and 429, not other 4xx, and names only the host in errors', async () => {
    const sender = new NotificationSender(allowAllUrls, env);
    const channel = { kind: 'slack' as const, url: `${base}/services/T0/B0/PATHSECRET` };
    const verdicts: [number, boolean][] = [];
    for (const code of [503, 429, 400, 404]) {
      status = code;
      const result = await sender.deliver(channel, message, 'k');
      verdicts.push([code, result.retryable]);
      assert.ok(!result.error!.includes('PATHSECRET'));
    }
    status = 200;
    assert.deepEqual(verdicts, [
      [503, true],
      [429, true],
      [400, false],
      [404, false],
    ]);
  });

  it('refuses a URL outside the allow-list without sending anything', async () => {
    const before = seen.length;
    const sender = new NotificationSender(parseUrlAllowlist('10.0.0.0/8, hooks.example.com'), env);
    const result = await sender.deliver({ kind: 'webhook', url: `${base}/hook` }, message, 'k');
    assert.deepEqual([result.delivered, result.retryable], [false, false]);
    assert.match(result.error!, /not allowed by LASTMILE_URL_ALLOWLIST/);
    assert.equal(seen.length, before);
  });

  it('treats an unreachable receiver as retryable', async () => {
    const sender = new NotificationSender(allowAllUrls, env);
    const result = await sender.deliver(
      { kind: 'webhook', url: 'http://127.0.0.1:9/hook' },
      message,
      'k',
    );
    assert.deepEqual([result.delivered, result.retryable], [false, true]);
    assert.match(result.error!, /^POST 127\.0\.0\.1:9 failed: ECONNREFUSED/);
  });
});
