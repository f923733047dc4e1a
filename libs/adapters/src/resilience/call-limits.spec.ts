import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAdapter } from '../adapters/create-adapter';
import { ModelCallError } from '../errors/model-call-error';
import type { AdapterLimits } from '../spec/limits.schema';
import { delay, sendJson, startLocalServer, type LocalServer } from '../testing/local-http-server';

const okAnswer = { choices: [{ message: { content: 'ok' } }] };

// Path decides behaviour: /slow answers after 80 ms, /hang never, /limited with 429 and
// Retry-After: 1, /toggle with 500 while `down`.
function controllableServer(state: { down: boolean; arrivals: number[] }): Promise<LocalServer> {
  return startLocalServer(async (request, response) => {
    state.arrivals.push(performance.now());
    if (request.url.startsWith('/slow/')) await delay(80);
    if (request.url.startsWith('/hang/')) return;
    if (request.url.startsWith('/limited/')) {
      response.writeHead(429, { 'retry-after': '1' });
      return response.end();
    }
    if (request.url.startsWith('/toggle/') && state.down)
      return sendJson(response, 500, { error: 'down' });
    sendJson(response, 200, okAnswer);
  });
}

function chatAdapter(baseUrl: string, limits: Partial<AdapterLimits>) {
  const spec = {
    kind: 'openai-chat',
    baseUrl,
    model: 'm',
    limits: { initialBackoffMs: 5, maxBackoffMs: 20, ...limits },
  };
  return createAdapter(spec as Parameters<typeof createAdapter>[0]);
}

async function failure(promise: Promise<unknown>): Promise<ModelCallError> {
  const error = await promise.then(
    () => assert.fail('expected the call to fail'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof ModelCallError);
  return error;
}

describe('concurrency, rate limit, circuit breaker and cancellation', () => {
  const state = { down: false, arrivals: [] as number[] };
  let server: LocalServer;
  before(async () => (server = await controllableServer(state)));
  after(() => server.close());

  it('never has more requests in flight at the server than the concurrency limit', async () => {
    const adapter = chatAdapter(`${server.origin}/slow/v1`, { concurrency: 2 });
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => adapter.invoke({ prompt: 'x' })),
    );
    assert.equal(responses.length, 6);
    assert.equal(server.inFlight.max, 2);
    await adapter.close?.();
  });

  it('spaces request starts by 1/requestsPerSecond at the server', async () => {
    const adapter = chatAdapter(`${server.origin}/fast/v1`, { requestsPerSecond: 10 });
    state.arrivals.length = 0;
    await Promise.all(Array.from({ length: 5 }, () => adapter.invoke({ prompt: 'x' })));
    const span = state.arrivals[4] - state.arrivals[0];
    // 10 per second = one start every 100 ms, so 5 starts span 400 ms; unlimited, they start
    // together. The margin absorbs arrival jitter on a loaded machine.
    assert.ok(span >= 320, `5 starts at 10/s spanned ${span.toFixed(1)} ms`);
    await adapter.close?.();
  });

  it('opens the circuit after consecutive failures, fails fast, then closes after a good trial', async () => {
    const adapter = chatAdapter(`${server.origin}/toggle/v1`, {
      maxRetries: 0,
      circuitBreaker: { failureThreshold: 3, halfOpenAfterMs: 150 },
    });
    state.down = true;
    const hits = () => server.requests.filter((r) => r.url.startsWith('/toggle/')).length;
    for (let i = 0; i < 3; i++)
      assert.equal((await failure(adapter.invoke({ prompt: 'x' }))).code, 'http_status');
    assert.equal(hits(), 3);
    const open = await failure(adapter.invoke({ prompt: 'x' }));
    assert.deepEqual([open.code, open.attempts, open.retryable], ['circuit_open', 0, true]);
    assert.match(
      open.message,
      /circuit open after 3 consecutive failures; .*last failure: .* answered 50\d/,
    );
    assert.equal(hits(), 3, 'an open circuit does not call the model');
    state.down = false;
    await delay(200);
    assert.equal((await adapter.invoke({ prompt: 'x' })).text, 'ok');
    assert.equal((await adapter.invoke({ prompt: 'x' })).text, 'ok');
    assert.equal(hits(), 5);
    await adapter.close?.();
  });

  it('stops retrying when its own retries open the circuit', async () => {
    const adapter = chatAdapter(`${server.origin}/toggle/v1`, {
      maxRetries: 4,
      circuitBreaker: { failureThreshold: 2, halfOpenAfterMs: 10_000 },
    });
    state.down = true;
    const error = await failure(adapter.invoke({ prompt: 'x' }));
    assert.deepEqual([error.code, error.attempts], ['circuit_open', 2]);
    state.down = false;
    await adapter.close?.();
  });

  it('rejects as aborted as soon as the caller aborts a hanging call', async () => {
    const adapter = chatAdapter(`${server.origin}/hang/v1`, { timeoutMs: 5000 });
    const controller = new AbortController();
    const before = server.requests.length;
    const outcome = failure(adapter.invoke({ prompt: 'x' }, controller.signal));
    while (server.requests.length === before) await delay(5); // the call is at the server
    const started = Date.now();
    controller.abort();
    const error = await outcome;
    assert.deepEqual([error.code, error.attempts, error.retryable], ['aborted', 1, false]);
    assert.ok(Date.now() - started < 1000, 'long before the 5 s timeout');
    await adapter.close?.();
  });

  it('rejects as aborted during a retry wait without calling the model again', async () => {
    const adapter = chatAdapter(`${server.origin}/limited/v1`, { maxBackoffMs: 5000 });
    const before = server.requests.length;
    const controller = new AbortController();
    const outcome = failure(adapter.invoke({ prompt: 'x' }, controller.signal));
    while (server.requests.length === before) await delay(5);
    await delay(30); // the 429 has arrived: the call now waits out Retry-After: 1
    const started = Date.now();
    controller.abort();
    const error = await outcome;
    assert.deepEqual([error.code, error.attempts], ['aborted', 1]);
    assert.ok(Date.now() - started < 500, 'well before the 1 s wait ends');
    await delay(50);
    assert.equal(server.requests.length, before + 1);
    await adapter.close?.();
  });

  it('does not call the model when the signal is already aborted', async () => {
    const adapter = chatAdapter(`${server.origin}/fast/v1`, {});
    const before = server.requests.length;
    const error = await failure(adapter.invoke({ prompt: 'x' }, AbortSignal.abort()));
    assert.deepEqual([error.code, error.attempts], ['aborted', 0]);
    assert.equal(server.requests.length, before);
    await adapter.close?.();
  });

  it('rejects calls still queued for a slot as aborted when the adapter is closed', async () => {
    const adapter = chatAdapter(`${server.origin}/slow/v1`, { concurrency: 1 });
    const first = adapter.invoke({ prompt: 'x' });
    const queued = failure(adapter.invoke({ prompt: 'y' }));
    while (server.inFlight.now === 0) await delay(5); // the first call has reached the server
    await adapter.close?.();
    assert.equal((await first).text, 'ok');
    const error = await queued;
    assert.deepEqual([error.code, error.message], ['aborted', 'adapter closed']);
  });
});
