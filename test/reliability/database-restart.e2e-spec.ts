import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { waitFor } from '../support/poll';
import {
  startRestartablePostgres,
  type RestartablePostgres,
} from '../support/processes/restartable-postgres';
import { startService, type ServiceProcess } from '../support/processes/service-process';
import { TEST_ADMIN_KEY } from '../support/test-app';
import { deterministicAnswer, uniformFrom } from './support/qa-items';
import { LastmileClient } from './support/lastmile-client';
import { RunProbe } from './support/run-probes';

const ITEMS = 1000;
const LOCK_MS = 10_000;
// A blip well inside the job lock (results are written several times a second, so the run meets
// it), then an outage longer than the lock, after which the queue may hand the job out again.
const OUTAGES = [
  { atCall: 250, downMs: 2500 },
  { atCall: 600, downMs: LOCK_MS + 2000 },
];

describe('PostgreSQL restarting under a running api and runner (PostgreSQL queue backend)', () => {
  let pg: RestartablePostgres;
  let model: ChatModelServer;
  let api: ServiceProcess;
  let runner: ServiceProcess;

  before(async () => {
    pg = await startRestartablePostgres();
    model = await startChatModelServer({
      answer: async (prompt) => {
        await new Promise((resolve) =>
          setTimeout(resolve, 5 + 15 * uniformFrom('latency', prompt)),
        );
        return deterministicAnswer(prompt);
      },
    });
    const env = {
      DATABASE_URL: pg.url,
      LASTMILE_ADMIN_KEY: TEST_ADMIN_KEY,
      LASTMILE_JOB_LOCK_MS: String(LOCK_MS),
    };
    // The api first: it applies the migrations both processes need.
    api = await startService({ role: 'api', name: 'api', env });
    runner = await startService({ role: 'runner', name: 'runner', env });
  });
  after(async () => {
    await Promise.all([api?.kill(), runner?.kill()]);
    await model?.close();
    await pg?.destroy();
  });

  it('reports 503 while the database is down, reconnects, and finishes the run with one result per item after a blip and an outage', async () => {
    const client = new LastmileClient(request(api.url));
    const probe = new RunProbe(pg.url);
    const { planId } = await client.qaPlan({
      modelUrl: model.baseUrl,
      items: ITEMS,
      limits: { concurrency: 4 },
    });
    const runId = await client.queueRun(planId);
    const outages: { downMs: number; health: number[] }[] = [];
    for (const { atCall, downMs } of OUTAGES) {
      await waitFor(
        async () => (model.stats.requests >= atCall ? true : undefined),
        60_000,
        `${atCall} model calls`,
      );
      assert.equal((await client.run(runId)).status, 'running');
      await pg.stop();
      const stoppedAt = Date.now();
      const health: number[] = [];
      do {
        const response = await fetch(`${api.url}/health`, { signal: AbortSignal.timeout(5000) });
        const body = (await response.json()) as { database: { status: string } };
        health.push(response.status);
        assert.equal(response.status, 503);
        assert.equal(body.database.status, 'down');
        await new Promise((resolve) => setTimeout(resolve, Math.min(500, downMs)));
      } while (Date.now() - stoppedAt < downMs);
      await pg.start();
      outages.push({ downMs: Date.now() - stoppedAt, health });
    }

    const run = await client.waitForRun(runId, 120_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${runner.tail(40)}`);
    });
    assert.equal(run.status, 'succeeded', runner.tail(40));
    assert.equal(run.done, ITEMS);
    assert.deepEqual(await probe.resultCounts(runId), { rows: ITEMS, distinct: ITEMS, errors: 0 });
    await waitFor(
      async () => ((await fetch(`${api.url}/health`)).status === 200 ? true : undefined),
      30_000,
      'health 200',
    );
    assert.ok(!api.hasExited() && !runner.hasExited(), 'neither process crashed');
    const resumes = runner.logs.filter(
      (line) => line.msg === 'database unavailable; resuming the run after a pause',
    ).length;
    // Each resume re-asks at most what the outage kept from being stored: the writer's unwritten
    // batches (the full one failing and the next filling: 2 × 200) and the calls in flight (8). Re-asking stored answers would cost ITEMS a resume.
    const starts = runner.logs.filter((line) => line.msg === 'run started').length;
    const bound = ITEMS + (starts - 1) * (2 * 200 + 8);
    assert.ok(
      model.stats.requests <= bound,
      `${model.stats.requests} model calls for ${ITEMS} items over ${starts} starts (bound ${bound})`,
    );
    console.log(
      JSON.stringify({
        spec: 'database-restart',
        outages,
        resumePauses: resumes,
        starts,
        modelCalls: model.stats.requests,
      }),
    );
  });
});
