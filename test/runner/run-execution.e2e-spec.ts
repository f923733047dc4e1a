import { isFinishedRun } from '@lastmile/persistence';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { modelBody, planBody, scenarioBody } from '../factories/api-bodies';
import { waitFor } from '../support/poll';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';

describe('run execution (API + runner + PostgreSQL queue backend)', () => {
  let t: TestApp;
  let model: ChatModelServer;
  let calls = 0;
  before(async () => {
    t = await startTestApp({ runner: true });
    // Right about capitals, wrong about everything else; every 7th call fails with a 400 (not retried).
    model = await startChatModelServer({
      answer: (prompt) => {
        calls += 1;
        if (calls % 7 === 0) return { status: 400, body: '{"error":{"message":"bad request"}}' };
        const capital = /capital of (\w+)/.exec(prompt)?.[1];
        const capitals: Record<string, string> = {
          France: 'Paris',
          Japan: 'Tokyo',
          Canada: 'Ottawa',
        };
        return capital ? (capitals[capital] ?? 'I do not know') : 'I do not know';
      },
    });
  });
  after(async () => {
    await t.close();
    await model.close();
  });

  /** A qa plan on built-in data, queued; the fixture model unless another adapter is given. */
  async function queueRun(
    planOverrides: Record<string, unknown> = {},
    adapter: Record<string, unknown> = {
      kind: 'openai-chat',
      baseUrl: model.baseUrl,
      model: 'fixture',
    },
  ) {
    const admin = bearer(TEST_ADMIN_KEY);
    const m = await t.http.post('/v1/models').set(admin).send(modelBody({ adapter })).expect(201);
    const s = await t.http
      .post('/v1/scenarios')
      .set(admin)
      .send(scenarioBody({ kind: 'qa' }))
      .expect(201);
    const p = await t.http
      .post('/v1/plans')
      .set(admin)
      .send(planBody(m.body.id, s.body.id, planOverrides))
      .expect(201);
    const queued = await t.http.post(`/v1/plans/${p.body.id}/runs`).set(admin).expect(202);
    return queued.body.id as string;
  }

  it('runs a plan on built-in data to partial, with errors recorded and metrics over the rest', async () => {
    const runId = await queueRun();
    const run = await waitFor(
      async () => {
        const { body } = await t.http.get(`/v1/runs/${runId}`).set(bearer(TEST_ADMIN_KEY));
        return isFinishedRun(body.status) ? body : undefined;
      },
      60_000,
      'the run to finish',
    );
    assert.equal(run.status, 'partial');
    assert.ok(run.total > 0);
    assert.equal(run.done, run.total);
    assert.ok(run.errors > 0 && run.errors < run.total);
    assert.equal(run.provenance.scenarioKind, 'qa');
    assert.match(run.provenance.modelSpecHash, /^[0-9a-f]{64}$/);

    const rows: { n: number; errors: number; dupes: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE error IS NOT NULL)::int AS errors,
              count(*) - count(DISTINCT (item_key, sample)) AS dupes
       FROM instance_results WHERE run_id = $1`,
      [runId],
    );
    assert.deepEqual(rows[0], { n: run.total, errors: run.errors, dupes: '0' });

    const metrics = await t.http
      .get(`/v1/runs/${runId}/metrics`)
      .set(bearer(TEST_ADMIN_KEY))
      .expect(200);
    const exact = metrics.body.find(
      (m: { name: string; subgroup: string }) => m.name === 'exact_match' && m.subgroup === 'all',
    );
    assert.equal(exact.n, run.total - run.errors, 'n counts the items that succeeded');
    assert.ok(exact.value > 0 && exact.value < 1);
    assert.ok(exact.ciLow <= exact.value && exact.value <= exact.ciHigh);
  });

  it('fails a run whose model is unreachable, with a reason and no metrics', async () => {
    const admin = bearer(TEST_ADMIN_KEY);
    const runId = await queueRun(
      {},
      {
        kind: 'openai-chat',
        baseUrl: 'http://127.0.0.1:9/v1',
        model: 'x',
        limits: { maxRetries: 0, timeoutMs: 1000 },
      },
    );
    const run = await waitFor(async () => {
      const { body } = await t.http.get(`/v1/runs/${runId}`).set(admin);
      return isFinishedRun(body.status) ? body : undefined;
    });
    assert.equal(run.status, 'failed');
    assert.match(run.errorSummary.reason, /every model call failed/);
    const metrics = await t.http.get(`/v1/runs/${runId}/metrics`).set(admin).expect(200);
    assert.deepEqual(metrics.body, []);
  });
});
