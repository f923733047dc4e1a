import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { JOB_SCHEDULED_RUN, RUNS_QUEUE, type ScheduledRunJob } from '@lastmile/queue';
import { waitFor } from '../../support/poll';
import { startRedisServer, type RedisServer } from '../../support/processes/redis-server';
import { startService, type ServiceProcess } from '../../support/processes/service-process';
import { startTestApp, TEST_ADMIN_KEY, type TestApp } from '../../support/test-app';
import { FINISHED, LastmileClient } from './lastmile-client';
import { deterministicAnswer } from './qa-items';

const TICKS = 8;
const EVERY_SECOND = '* * * * * *';

/**
 * One plan with a cron firing every second, two real runner processes on the same queue: every
 * scheduler tick becomes exactly one run, executed once, whichever runner takes it.
 */
export function describeScheduleFiresOnce(backend: 'postgres' | 'redis'): void {
  describe(`a plan schedule with two runner processes (${backend} queue backend)`, () => {
    let redis: RedisServer | undefined;
    let t: TestApp;
    let model: ChatModelServer;
    const runners: ServiceProcess[] = [];

    before(async () => {
      if (backend === 'redis') redis = await startRedisServer();
      const queueEnv: Record<string, string> = redis ? { REDIS_URL: redis.url } : {};
      t = await startTestApp({ env: queueEnv });
      model = await startChatModelServer({ answer: deterministicAnswer });
      const env = { ...queueEnv, DATABASE_URL: t.databaseUrl, LASTMILE_ADMIN_KEY: TEST_ADMIN_KEY };
      const names = ['runner-a', 'runner-b'];
      runners.push(
        ...(await Promise.all(names.map((name) => startService({ role: 'runner', name, env })))),
      );
    });
    after(async () => {
      await Promise.all(runners.map((runner) => runner.stop()));
      await t?.close();
      await model?.close();
      await redis?.destroy();
    });

    it('creates one run per scheduler tick and executes each run once', async () => {
      const client = new LastmileClient(t.http);
      const { planId } = await client.qaPlan({
        modelUrl: model.baseUrl,
        items: 20,
        plan: { cron: EVERY_SECOND },
      });
      await waitFor(
        async () => ((await client.listRuns(planId)).length >= TICKS ? true : undefined),
        90_000,
        `${TICKS} scheduled runs`,
      );
      await client.patchPlan(planId, { enabled: false });
      // Settled: nothing running and no new run for three seconds after the schedule was removed.
      let seen = -1;
      const runs = await waitFor(
        async () => {
          const list = await client.listRuns(planId);
          const settled =
            list.length === seen && list.every((run) => FINISHED.includes(run.status));
          seen = list.length;
          return settled ? list : undefined;
        },
        90_000,
        'the scheduled runs to finish',
      );

      const queue = t.app.get<Queue>(getQueueToken(RUNS_QUEUE));
      const ticks = (
        await queue.getJobs(['completed', 'failed', 'active', 'waiting', 'delayed'], 0, -1)
      ).filter(
        (job) => job.name === JOB_SCHEDULED_RUN && (job.data as ScheduledRunJob).planId === planId,
      );
      const failed = ticks.filter((job) => job.failedReason);
      assert.deepEqual(
        failed.map((job) => job.failedReason),
        [],
        'no tick failed',
      );
      const tickTimes = ticks
        .map((job) => Number(/:(\d+)$/.exec(job.id ?? '')?.[1]))
        .sort((a, b) => a - b);
      assert.equal(new Set(tickTimes).size, ticks.length, 'one job per tick');
      assert.ok(
        tickTimes.every((time) => time % 1000 === 0),
        `ticks on whole seconds: ${tickTimes.join(', ')}`,
      );
      // A tick processed between the plan's update and the scheduler's removal creates no run.
      const runIds = ticks
        .map((job) => (job.returnvalue as { runId?: string } | null)?.runId)
        .filter((id) => id);
      assert.ok(
        ticks.length - runIds.length <= 1,
        `${ticks.length - runIds.length} ticks without a run`,
      );
      assert.deepEqual(
        [...runIds].sort(),
        runs.map((run) => run.id).sort(),
        'each run belongs to exactly one tick',
      );
      assert.ok(runs.length >= TICKS);
      assert.deepEqual(
        runs.filter((run) => run.status !== 'succeeded'),
        [],
      );

      const executions = new Map<string, number>();
      for (const runner of runners) {
        for (const line of runner.logs) {
          if (line.msg === 'run started')
            executions.set(String(line.runId), (executions.get(String(line.runId)) ?? 0) + 1);
        }
      }
      assert.deepEqual([...executions.keys()].sort(), [...runIds].sort());
      assert.ok(
        [...executions.values()].every((count) => count === 1),
        'no run was executed twice',
      );
      const perRunner = runners.map(
        (runner) => runner.logs.filter((line) => line.msg === 'run started').length,
      );
      const gaps = tickTimes.slice(1).map((time, i) => (time - tickTimes[i]) / 1000);
      console.log(
        JSON.stringify({
          spec: `schedules-${backend}`,
          ticks: ticks.length,
          runs: runs.length,
          perRunner,
          gapsSeconds: gaps,
        }),
      );
    });
  });
}
