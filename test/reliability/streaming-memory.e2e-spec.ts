import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { startService, type ServiceProcess } from '../support/processes/service-process';
import { startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { deterministicAnswer } from './support/qa-items';
import { FINISHED, LastmileClient } from './support/lastmile-client';
import { RunProbe } from './support/run-probes';

const ITEMS = 5000;
// ~8 KB of question text per item: a runner keeping every result row grew 37 MB after 20%
// here (6-14 MB when streaming), so the bound below catches it.
const PADDING = 8000;
const GROWTH_BOUND_KB = 25 * 1024;
// A V8 heap cap well under the default makes RSS follow live memory (V8 otherwise grows its heap
// freely, +150 MB over this run) and turns a large leak into a crash.
const RUNNER_HEAP = '--max-old-space-size=128';

describe('a 5,000-item run streams its slice (runner process memory)', () => {
  let t: TestApp;
  let model: ChatModelServer;
  let runner: ServiceProcess;

  before(async () => {
    t = await startTestApp();
    model = await startChatModelServer({ answer: deterministicAnswer });
    const env = {
      DATABASE_URL: t.databaseUrl,
      LASTMILE_ADMIN_KEY: TEST_ADMIN_KEY,
      NODE_OPTIONS: RUNNER_HEAP,
    };
    runner = await startService({ role: 'runner', name: 'runner', env });
  });
  after(async () => {
    await runner?.kill();
    await model?.close();
    await t?.close();
  });

  it('keeps the runner resident set flat between 20% and 100% progress', async () => {
    const client = new LastmileClient(t.http);
    const limits = { concurrency: 16 };
    const { planId } = await client.qaPlan({
      modelUrl: model.baseUrl,
      items: ITEMS,
      padding: PADDING,
      limits,
    });
    const started = Date.now();
    const runId = await client.queueRun(planId);
    const samples: { progress: number; rssMb: number }[] = [];
    for (let status = 'queued'; !FINISHED.includes(status);) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const run = await client.run(runId);
      status = run.status;
      const rss = runner.rssKb();
      assert.ok(rss !== undefined, `the runner is gone\n${runner.tail()}`);
      if (run.total > 0)
        samples.push({ progress: run.done / run.total, rssMb: Math.round(rss / 102.4) / 10 });
      assert.ok(Date.now() - started < 120_000, 'the run finishes within 2 minutes');
    }
    const elapsedMs = Date.now() - started;
    const run = await client.run(runId);
    assert.equal(run.status, 'succeeded');
    assert.deepEqual(await new RunProbe(t.databaseUrl).resultCounts(runId), {
      rows: ITEMS,
      distinct: ITEMS,
      errors: 0,
    });

    const window = samples.filter((sample) => sample.progress >= 0.2);
    assert.ok(window.length >= 3, `enough samples after 20%: ${JSON.stringify(samples)}`);
    const growthKb = (Math.max(...window.map((s) => s.rssMb)) - window[0].rssMb) * 1024;
    assert.ok(
      growthKb <= GROWTH_BOUND_KB,
      `RSS grew ${Math.round(growthKb / 1024)} MB after 20%: ${JSON.stringify(samples)}`,
    );
    console.log(
      JSON.stringify({
        spec: 'streaming-memory',
        elapsedMs,
        growthMb: Math.round(growthKb / 1024),
        samples,
      }),
    );
  });
});
