import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { FaultScript } from './support/fault-script';
import { LastmileClient } from './support/lastmile-client';
import { RunProbe } from './support/run-probes';

const ITEMS = 200;
const MAX_RETRIES = 4;
const itemKey = (n: number) => `item-${String(n).padStart(6, '0')}`;

describe('runs against a faulty model endpoint (API + runner + PostgreSQL queue backend)', () => {
  let t: TestApp;
  let client: LastmileClient;
  let probe: RunProbe;
  let flaky: ChatModelServer;
  const script = new FaultScript(7);

  before(async () => {
    t = await startTestApp({ runner: true });
    client = new LastmileClient(t.http);
    probe = new RunProbe(t.databaseUrl);
    flaky = await startChatModelServer({ answer: (prompt) => script.answer(prompt) });
  });
  after(async () => {
    await t?.close();
    await flaky?.close();
  });

  it('retries 500s, timeouts and 429s, records what still failed per item, and scores the rest', async () => {
    const limits = {
      timeoutMs: 1000,
      maxRetries: MAX_RETRIES,
      initialBackoffMs: 50,
      maxBackoffMs: 2000,
      // No circuit breaking here: it would make which items fail depend on timing.
      circuitBreaker: { failureThreshold: 10_000 },
    };
    const { planId } = await client.qaPlan({ modelUrl: flaky.baseUrl, items: ITEMS, limits });
    const started = Date.now();
    const runId = await client.queueRun(planId);
    const run = await client.waitForRun(runId, 120_000);
    const elapsedMs = Date.now() - started;

    const expectedErrors = new Map<string, string>();
    let correct = 0;
    for (let n = 0; n < ITEMS; n++) {
      const outcome = script.expectedOutcome(n, MAX_RETRIES + 1);
      if (!outcome.ok) expectedErrors.set(itemKey(n), outcome.code!);
      else if (n % 3 !== 2) correct += 1;
      assert.equal(script.callsFor(n), outcome.attempts, `calls about item ${n}`);
    }
    const successes = ITEMS - expectedErrors.size;
    assert.ok(expectedErrors.size > 0 && successes > 0, 'the seed gives both outcomes');
    assert.equal(run.status, 'partial');
    assert.equal(run.done, ITEMS);
    assert.equal(run.errors, expectedErrors.size);
    assert.deepEqual(await probe.errorCodes(runId), expectedErrors);
    const byCode: Record<string, number> = {};
    for (const code of expectedErrors.values()) byCode[code] = (byCode[code] ?? 0) + 1;
    assert.deepEqual(run.errorSummary?.errorsByCode, byCode);

    const exact = (await client.metrics(runId)).find(
      (m) => m.name === 'exact_match' && m.subgroup === 'all',
    );
    assert.equal(exact?.n, successes, 'metrics are over the items that got an answer');
    assert.equal(exact?.value, correct / successes);
    const retried = [...Array(ITEMS).keys()].filter((n) => script.callsFor(n) > 1).length;
    assert.ok(retried > ITEMS / 4, `${retried} items needed more than one call`);
    console.log(
      JSON.stringify({
        spec: 'model-faults',
        elapsedMs,
        modelCalls: flaky.stats.requests,
        retried,
        errorsByCode: byCode,
      }),
    );
  });

  it('fails a run whose endpoint is dead, with the reason', async () => {
    const dead = await startChatModelServer({ answer: () => 'never' });
    await dead.close();
    const limits = { timeoutMs: 1000, maxRetries: 1, initialBackoffMs: 20 };
    const { planId } = await client.qaPlan({ modelUrl: dead.baseUrl, items: 20, limits });
    const run = await client.waitForRun(await client.queueRun(planId), 60_000);
    assert.equal(run.status, 'failed');
    // Refused connections open the circuit breaker after a few calls; later calls fail fast.
    assert.match(
      run.errorSummary?.reason ?? '',
      /^every model call failed \(\d+ × (unreachable|circuit_open)/,
    );
    const codes = run.errorSummary?.errorsByCode ?? {};
    assert.deepEqual(
      Object.keys(codes).filter((code) => code !== 'unreachable' && code !== 'circuit_open'),
      [],
    );
    assert.equal(
      Object.values(codes).reduce((sum, n) => sum + n, 0),
      20,
    );
    assert.deepEqual(await client.metrics(run.id), []);
  });
});
