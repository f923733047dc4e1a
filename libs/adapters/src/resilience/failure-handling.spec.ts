import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAdapter } from '../adapters/create-adapter';
import { ModelCallError, type ModelCallErrorCode } from '../errors/model-call-error';
import type { AdapterLimits } from '../spec/limits.schema';
import {
  refusedOrigin,
  sendJson,
  startLocalServer,
  type LocalServer,
} from '../testing/local-http-server';

const okAnswer = { choices: [{ index: 0, message: { role: 'assistant', content: 'fine' } }] };

// One server that fails in every way; the first path segment picks the failure.
function failingServer(): Promise<LocalServer> {
  const seen = new Map<string, number>();
  return startLocalServer((request, response) => {
    const mode = request.url.split('/')[1];
    const count = (seen.get(mode) ?? 0) + 1;
    seen.set(mode, count);
    switch (mode) {
      case 'always-500':
        // Echoes the request headers, as some proxies do: a leaked key would show up here.
        return sendJson(response, 500, { error: 'boom', headers: request.headers });
      case 'flaky-503':
        return count <= 2
          ? sendJson(response, 503, { error: 'busy' })
          : sendJson(response, 200, okAnswer);
      case 'hang':
        return; // never answers
      case 'malformed':
        response.writeHead(200, { 'content-type': 'application/json' });
        return response.end('{"choices": [');
      case 'missing-fields':
        return sendJson(response, 200, { choices: [{ index: 0, message: { role: 'assistant' } }] });
      case 'bad-request':
        return sendJson(response, 400, { error: 'bad request' });
      case 'retry-after-1s':
        if (count > 1) return sendJson(response, 200, okAnswer);
        response.writeHead(429, { 'retry-after': '1' });
        return response.end('slow down');
      case 'retry-after-long':
        response.writeHead(429, { 'retry-after': '120' });
        return response.end('come back later');
      case 'echo-headers':
        return sendJson(response, 200, {
          choices: [{ message: { content: 'ok' } }],
          echoed: request.headers,
        });
      default:
        return sendJson(response, 404, {});
    }
  });
}

const fastLimits: Partial<AdapterLimits> = {
  maxRetries: 2,
  initialBackoffMs: 5,
  maxBackoffMs: 20,
  timeoutMs: 2000,
};

function chatAdapter(
  baseUrl: string,
  limits: Partial<AdapterLimits> = {},
  env: Record<string, string> = {},
) {
  const apiKeyEnv = Object.keys(env)[0];
  return createAdapter(
    { kind: 'openai-chat', baseUrl, model: 'm', apiKeyEnv, limits: { ...fastLimits, ...limits } },
    { env },
  );
}

async function failure(promise: Promise<unknown>): Promise<ModelCallError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ModelCallError, `expected ModelCallError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

function assertFailure(
  error: ModelCallError,
  code: ModelCallErrorCode,
  attempts: number,
  retryable: boolean,
): void {
  assert.deepEqual(
    { code: error.code, attempts: error.attempts, retryable: error.retryable },
    { code, attempts, retryable },
  );
}

describe('model call failures', () => {
  let server: LocalServer;
  before(async () => (server = await failingServer()));
  after(() => server.close());
  const hits = (mode: string) =>
    server.requests.filter((r) => r.url.startsWith(`/${mode}/`)).length;

  it('retries 5xx answers and reports http_status with every attempt counted', async () => {
    const adapter = chatAdapter(`${server.origin}/always-500/v1`);
    const error = await failure(adapter.invoke({ prompt: 'x' }));
    assertFailure(error, 'http_status', 3, true);
    assert.equal(error.status, 500);
    assert.equal(hits('always-500'), 3);
    await adapter.close?.();
  });

  it('succeeds after transient 503s and reports the attempts it took', async () => {
    const adapter = chatAdapter(`${server.origin}/flaky-503/v1`);
    const response = await adapter.invoke({ prompt: 'x' });
    assert.equal(response.text, 'fine');
    assert.equal(response.attempts, 3);
    await adapter.close?.();
  });

  it('times out an attempt that hangs, retries it, and reports timeout', async () => {
    const adapter = chatAdapter(`${server.origin}/hang/v1`, { timeoutMs: 150, maxRetries: 1 });
    const started = Date.now();
    const error = await failure(adapter.invoke({ prompt: 'x' }));
    assertFailure(error, 'timeout', 2, true);
    assert.ok(Date.now() - started >= 300, 'two attempts of 150 ms each');
    assert.equal(hits('hang'), 2);
    await adapter.close?.();
  });

  it('does not retry malformed JSON in a 200 answer (invalid_response)', async () => {
    const adapter = chatAdapter(`${server.origin}/malformed/v1`);
    const error = await failure(adapter.invoke({ prompt: 'x' }));
    assertFailure(error, 'invalid_response', 1, false);
    assert.match(error.message, /malformed JSON/);
    assert.equal(hits('malformed'), 1);
    await adapter.close?.();
  });

  it('does not retry a 200 answer missing the reply text (invalid_response)', async () => {
    const adapter = chatAdapter(`${server.origin}/missing-fields/v1`);
    const error = await failure(adapter.invoke({ prompt: 'x' }));
    assertFailure(error, 'invalid_response', 1, false);
    assert.match(error.message, /choices\.0\.message\.content/);
    await adapter.close?.();
  });

  it('does not retry a 4xx other than 429', async () => {
    const adapter = chatAdapter(`${server.origin}/bad-request/v1`);
    const error = await failure(adapter.invoke({ prompt: 'x' }));
    assertFailure(error, 'http_status', 1, false);
    assert.equal(error.status, 400);
    assert.equal(hits('bad-request'), 1);
    await adapter.close?.();
  });

  it('waits the Retry-After seconds of a 429 before retrying', async () => {
    const adapter = chatAdapter(`${server.origin}/retry-after-1s/v1`, { maxBackoffMs: 5000 });
    const started = Date.now();
    const response = await adapter.invoke({ prompt: 'x' });
    const waited = Date.now() - started;
    assert.equal(response.attempts, 2);
    assert.ok(waited >= 990 && waited < 5000, `waited ${waited} ms for Retry-After: 1`);
    await adapter.close?.();
  });

  it('gives up at once as rate_limited when Retry-After exceeds the backoff cap', async () => {
    const adapter = chatAdapter(`${server.origin}/retry-after-long/v1`, { maxBackoffMs: 1000 });
    const error = await failure(adapter.invoke({ prompt: 'x' }));
    assertFailure(error, 'rate_limited', 1, true);
    assert.equal(error.status, 429);
    await adapter.close?.();
  });

  it('retries a refused connection and reports unreachable', async () => {
    const adapter = chatAdapter(`${await refusedOrigin()}/v1`);
    const error = await failure(adapter.invoke({ prompt: 'x' }));
    assertFailure(error, 'unreachable', 3, true);
    assert.match(error.message, /ECONNREFUSED/);
    await adapter.close?.();
  });

  it('keeps the API key out of error messages, JSON and stacks even when the server echoes it', async () => {
    const secret = 'sk-live-0123456789-DO-NOT-LEAK';
    const adapter = chatAdapter(
      `${server.origin}/always-500/v1`,
      { maxRetries: 0 },
      { TEST_SECRET_KEY: secret },
    );
    const error = await failure(adapter.invoke({ prompt: 'x' }));
    assert.equal(
      server.requests.at(-1)!.headers.authorization,
      `Bearer ${secret}`,
      'the key was sent',
    );
    assert.match(error.message, /\[redacted\]/, 'the echoed header is in the message, blanked');
    for (const text of [error.message, JSON.stringify(error), String(error.stack), String(error)]) {
      assert.ok(!text.includes(secret));
    }
    await adapter.close?.();
  });

  it('keeps the API key out of raw when a 200 answer echoes it', async () => {
    const secret = 'sk-live-echoed-in-raw';
    const adapter = chatAdapter(
      `${server.origin}/echo-headers/v1`,
      {},
      { TEST_SECRET_KEY: secret },
    );
    const response = await adapter.invoke({ prompt: 'x' });
    assert.equal(response.text, 'ok');
    assert.ok(!JSON.stringify(response.raw).includes(secret));
    assert.match(JSON.stringify(response.raw), /Bearer \[redacted\]/);
    await adapter.close?.();
  });
});
