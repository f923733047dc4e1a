import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { createRng } from '@lastmile/metrics';
import { startService, type ServiceProcess } from '../support/processes/service-process';
import { startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { deterministicAnswer, uniformFrom } from './support/qa-items';
import { LastmileClient } from './support/lastmile-client';
import { RunProbe } from './support/run-probes';

const ITEMS = 500;
const KILLS = 3;
const SEED = 20240607;

describe('a runner process killed with SIGKILL mid-run (PostgreSQL queue backend)', () => {
  let t: TestApp;
  let client: LastmileClient;
  let probe: RunProbe;
  let model: ChatModelServer;
  let runner: ServiceProcess | undefined;
  // Set by the test before each life: the fixture kills the runner at its `killAt`-th model call.
  let life:
    { calls: number; killAt: number; victim: ServiceProcess; killed: () => void } | undefined;

  before(async () => {
    t = await startTestApp();
    client = new LastmileClient(t.http);
    probe = new RunProbe(t.databaseUrl);
    model = await startChatModelServer({
      answer: async (prompt) => {
        if (life && ++life.calls === life.killAt) {
          life.victim.signal('SIGKILL');
          life.killed();
        }
        // 5-20 ms, fixed per prompt, so every run sees the same latencies.
        await new Promise((resolve) =>
          setTimeout(resolve, 5 + 15 * uniformFrom('latency', prompt)),
        );
        return deterministicAnswer(prompt);
      },
    });
  });
  after(async () => {
    await runner?.kill();
    await model?.close();
    await t?.close();
  });

  const startRunner = (env: Record<string, string> = {}) =>
    startService({
      role: 'runner',
      name: 'runner',
      env: {
        DATABASE_URL: t.databaseUrl,
        LASTMILE_ADMIN_KEY: TEST_ADMIN_KEY,
        LASTMILE_JOB_LOCK_MS: '3000',
        LASTMILE_RUNNER_CONCURRENCY: '1',
        ...env,
      },
    });

  it('finishes with exactly one result per item and the metrics of an uninterrupted run after three kills', async () => {
    const { planId } = await client.qaPlan({
      modelUrl: model.baseUrl,
      items: ITEMS,
      limits: { concurrency: 2 },
    });
    const runId = await client.queueRun(planId);
    const random = createRng(SEED);
    const started = Date.now();
    const kills: { storedBefore: number; killAt: number; storedAfter: number; calls: number }[] =
      [];

    for (let kill = 0; kill < KILLS; kill++) {
      const storedBefore = (await probe.resultCounts(runId)).rows;
      // A random point strictly inside what is left, so every kill lands mid-run.
      const killAt = Math.max(1, Math.floor((ITEMS - storedBefore) * (0.3 + 0.6 * random())));
      let killed!: () => void;
      const done = new Promise<void>((resolve) => (killed = resolve));
      runner = await startRunner();
      life = { calls: 0, killAt, victim: runner, killed };
      const ended = await Promise.race([
        done.then(() => 'killed'),
        runner.exited.then(() => 'exited by itself'),
      ]);
      assert.equal(ended, 'killed', runner.tail());
      assert.equal((await runner.exited).signal, 'SIGKILL');
      const run = await client.run(runId);
      assert.equal(run.status, 'running', 'the kill landed while the run was in progress');
      const { calls } = life!;
      life = undefined;
      kills.push({
        storedBefore,
        killAt,
        storedAfter: (await probe.resultCounts(runId)).rows,
        calls,
      });
    }

    const storedAtLastResume = (await probe.resultCounts(runId)).rows;
    const callsBeforeLastLife = model.stats.requests;
    runner = await startRunner();
    const finished = await client.waitForRun(runId, 120_000);
    // Each resumed life asks only for what was not stored (the kill's unwritten batch included).
    for (const [i, kill] of kills.entries()) {
      if (i === 0) continue;
      assert.ok(
        kill.calls <= ITEMS - kill.storedBefore,
        `life ${i + 1}: ${kill.calls} calls with ${ITEMS - kill.storedBefore} items missing`,
      );
    }
    const lastLifeCalls = model.stats.requests - callsBeforeLastLife;
    assert.ok(
      lastLifeCalls <= ITEMS - storedAtLastResume,
      `last life: ${lastLifeCalls} calls with ${ITEMS - storedAtLastResume} items missing`,
    );
    const elapsedMs = Date.now() - started;
    assert.equal(finished.status, 'succeeded');
    assert.equal(finished.total, ITEMS);
    assert.equal(finished.done, ITEMS);
    assert.deepEqual(await probe.resultCounts(runId), { rows: ITEMS, distinct: ITEMS, errors: 0 });
    const callsForKilledRun = model.stats.requests;

    // The same plan, run once more without interruption, must give the same numbers.
    const referenceId = await client.queueRun(planId);
    const reference = await client.waitForRun(referenceId, 120_000);
    assert.equal(reference.status, 'succeeded');
    const metrics = await probe.metrics(runId);
    assert.ok(metrics.length > 0);
    assert.deepEqual(metrics, await probe.metrics(referenceId));
    const exact = metrics.find((row) => row.name === 'exact_match' && row.subgroup === 'all');
    assert.equal(exact?.n, ITEMS);
    assert.ok(
      Math.abs(exact!.value! - 334 / ITEMS) < 1e-12,
      'two items in three are right: 334 of 500',
    );

    console.log(
      JSON.stringify({ spec: 'worker-killed', kills, elapsedMs, modelCalls: callsForKilledRun }),
    );
  });

  it('fails a run whose job stalled more often than allowed, with the reason and a health alert, instead of leaving it running', async () => {
    const { planId } = await client.qaPlan({
      modelUrl: model.baseUrl,
      items: 100,
      limits: { concurrency: 2 },
    });
    await runner?.kill(); // the previous test's runner would take the job
    const runId = await client.queueRun(planId);
    // No stall allowed: the first kill is one too many, as the 21st is by default.
    const noStalls = { LASTMILE_MAX_STALLS: '0' };
    let killed!: () => void;
    const done = new Promise<void>((resolve) => (killed = resolve));
    runner = await startRunner(noStalls);
    life = { calls: 0, killAt: 10, victim: runner, killed };
    await done;
    await runner.exited;
    life = undefined;
    assert.equal((await client.run(runId)).status, 'running');

    // The next runner's stalled check finds the dead worker's job and BullMQ fails it for good.
    runner = await startRunner(noStalls);
    const run = await client.waitForRun(runId, 60_000);
    assert.equal(run.status, 'failed', runner.tail());
    assert.match(run.errorSummary?.reason ?? '', /could not execute the run: .*stalled/);
    const alerts = await client.waitForAlerts(planId, 10_000);
    assert.deepEqual(
      alerts.map((a) => [a.type, a.metric, a.lastRunId]),
      [['health', 'run_status', runId]],
    );
  });
});
