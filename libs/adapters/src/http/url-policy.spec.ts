import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAdapter } from '../adapters/create-adapter';
import { AdapterConfigError } from '../errors/adapter-config-error';
import { ModelCallError } from '../errors/model-call-error';
import { sendJson, startLocalServer, type LocalServer } from '../testing/local-http-server';
import { allowAllUrls, parseUrlAllowlist, UrlAllowlist } from './url-policy';

describe('UrlAllowlist.classify', () => {
  const policy = new UrlAllowlist([
    'api.openai.com',
    '*.internal.example',
    '10.0.0.0/8',
    '::1',
    'fd00::/8',
  ]);

  it('allows listed names and subdomains of a *. entry whatever they resolve to', () => {
    assert.equal(policy.classify(new URL('https://API.openai.com/v1')), 'allowed');
    assert.equal(policy.classify(new URL('http://gpu.internal.example:8000/')), 'allowed');
    assert.equal(policy.classify(new URL('http://internal.example/')), 'check-addresses');
  });

  it('judges IP literals by the address rules', () => {
    assert.equal(policy.classify(new URL('http://10.1.2.3/')), 'allowed');
    assert.equal(policy.classify(new URL('http://[::1]:8080/')), 'allowed');
    assert.equal(policy.classify(new URL('http://[fd12::5]/')), 'allowed');
    assert.equal(policy.classify(new URL('http://169.254.169.254/latest/meta-data')), 'denied');
    assert.equal(policy.classify(new URL('http://127.0.0.1/')), 'denied');
  });

  it('checks the addresses of other names, or denies them when there are no address rules', () => {
    assert.equal(policy.classify(new URL('http://localhost/')), 'check-addresses');
    assert.equal(
      new UrlAllowlist(['api.openai.com']).classify(new URL('http://localhost/')),
      'denied',
    );
  });

  it('denies schemes other than http and https', () => {
    assert.equal(policy.classify(new URL('file:///etc/passwd')), 'denied');
    assert.equal(allowAllUrls.classify(new URL('ftp://10.0.0.1/')), 'denied');
  });

  it('matches IPv4-mapped IPv6 addresses against IPv4 ranges', () => {
    assert.equal(policy.allowsAddress('::ffff:10.9.9.9'), true);
    assert.equal(policy.allowsAddress('::ffff:127.0.0.1'), false);
  });
});

describe('parseUrlAllowlist', () => {
  it('allows everything when empty', () => {
    assert.equal(parseUrlAllowlist(''), allowAllUrls);
    assert.equal(parseUrlAllowlist(undefined), allowAllUrls);
  });

  it('reads comma or space separated entries and rejects unreadable ones', () => {
    assert.equal(
      parseUrlAllowlist('a.example, 10.0.0.0/8  b.example').classify(new URL('http://b.example')),
      'allowed',
    );
    assert.throws(() => parseUrlAllowlist('10.0.0.0/99'), AdapterConfigError);
    assert.throws(() => parseUrlAllowlist('http://a.example/'), AdapterConfigError);
  });
});

describe('URL policy applied to adapters', () => {
  let server: LocalServer;
  before(
    async () =>
      (server = await startLocalServer((_req, res) =>
        sendJson(res, 200, { choices: [{ text: 'ok' }] }),
      )),
  );
  after(() => server.close());
  const port = () => new URL(server.origin).port;
  const spec = (host: string) =>
    ({ kind: 'openai-completions', baseUrl: `http://${host}:${port()}/v1`, model: 'm' }) as const;

  it('refuses at creation an IP literal outside the list', () => {
    assert.throws(
      () => createAdapter(spec('127.0.0.1'), { urlPolicy: parseUrlAllowlist('10.0.0.0/8') }),
      AdapterConfigError,
    );
  });

  it('connects to a name that resolves inside a listed range', async () => {
    const adapter = createAdapter(spec('localhost'), {
      urlPolicy: parseUrlAllowlist('127.0.0.0/8, ::1'),
    });
    assert.equal((await adapter.invoke({ prompt: 'x' })).text, 'ok');
    await adapter.close?.();
  });

  it('refuses, without retrying, a name that resolves outside every listed range', async () => {
    const adapter = createAdapter(spec('localhost'), {
      urlPolicy: parseUrlAllowlist('10.0.0.0/8'),
    });
    const before = server.requests.length;
    await assert.rejects(adapter.invoke({ prompt: 'x' }), (error: unknown) => {
      assert.ok(error instanceof ModelCallError);
      assert.deepEqual([error.code, error.retryable, error.attempts], ['unreachable', false, 1]);
      assert.match(error.message, /not allowed by the URL allow-list/);
      return true;
    });
    assert.equal(server.requests.length, before);
    await adapter.close?.();
  });
});
