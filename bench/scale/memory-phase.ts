import type { BenchPostgres } from '../support/bench-postgres';
import { liveTreeCpuSeconds, rssMiB, treeCpuSeconds } from '../support/proc-stats';
import { startQaModel } from '../support/qa-items';
import { startService } from '../../test/support/processes/service-process';
import { queueRuns, runProgress, seedQaEvaluation } from '../support/seed-evaluation';
import { phaseEnvironment, sleep, waitForWorkers } from './scale-env';

export interface RssSample {
  atS: number;
  rssMiB: number;
  done: number;
  total: number;
}

export interface MemoryPhaseResult {
  items: number;
  concurrency: number;
  finished: boolean;
  seconds: number;
  idleRssMiB: number;
  checkpoints: { progress: number; atS: number; rssMiB: number; done: number }[];
  peakRssMiB: number;
  /** CPU of the runner process and of the database server over the run, per item. */
  runnerCpuMsPerItem: number;
  databaseCpuMsPerItem: number;
  samples: RssSample[];
}

/** One 100,000-item run on one runner process; its RSS read from /proc every 500 ms. */
export async function memoryPhase(
  pg: BenchPostgres,
  redisUrl: string,
  options: { items: number; concurrency: number; timeoutMs: number },
): Promise<MemoryPhaseResult> {
  const model = await startQaModel(0);
  const env = await phaseEnvironment(pg, redisUrl, 'bench_memory', 1);
  const runner = await startService({
    role: 'runner',
    name: 'bench-memory-runner',
    env: {
      DATABASE_URL: env.databaseUrl,
      REDIS_URL: env.redisUrl,
      LASTMILE_RUNNER_CONCURRENCY: '1',
      LOG_LEVEL: 'warn',
    },
  });
  try {
    const seeded = await seedQaEvaluation(env.dataSource, {
      items: options.items,
      baseUrl: model.baseUrl,
      concurrency: options.concurrency,
      name: 'bench-memory',
    });
    await waitForWorkers(env.queue, 1, 120_000);
    await sleep(2000);
    const idleRssMiB = rssMiB(runner.pid) ?? NaN;
    // The runner keeps its connections open: their backends' CPU is only in the live tree.
    const cpuBefore = { runner: treeCpuSeconds(runner.pid), database: liveTreeCpuSeconds(pg.pid) };
    const runIds = await queueRuns(env.dataSource, env.queue, seeded, 1);
    const started = Date.now();
    const samples: RssSample[] = [];
    let finished = false;
    while (Date.now() - started < options.timeoutMs) {
      await sleep(500);
      const rss = rssMiB(runner.pid);
      if (rss === undefined) throw new Error(`the runner exited: ${runner.tail()}`);
      const progress = await runProgress(env.dataSource, runIds);
      samples.push({
        atS: (Date.now() - started) / 1000,
        rssMiB: rss,
        done: progress.done,
        total: progress.total || options.items,
      });
      if (progress.finished === 1) {
        if (progress.failed) throw new Error(`the run failed: ${runner.tail()}`);
        finished = true;
        break;
      }
    }
    const cpu = {
      runner: treeCpuSeconds(runner.pid) - cpuBefore.runner,
      database: liveTreeCpuSeconds(pg.pid) - cpuBefore.database,
    };
    const done = samples[samples.length - 1]?.done || 1;
    const checkpoints = [0.1, 0.5, 0.9, 1].map((progress) => {
      const sample =
        samples.find((s) => s.done >= progress * s.total) ?? samples[samples.length - 1];
      return { progress, atS: sample.atS, rssMiB: sample.rssMiB, done: sample.done };
    });
    return {
      items: options.items,
      concurrency: options.concurrency,
      finished,
      seconds: (Date.now() - started) / 1000,
      idleRssMiB,
      checkpoints,
      peakRssMiB: Math.max(...samples.map((s) => s.rssMiB)),
      runnerCpuMsPerItem: (cpu.runner * 1000) / done,
      databaseCpuMsPerItem: (cpu.database * 1000) / done,
      samples,
    };
  } finally {
    await runner.stop();
    await env.close();
    await model.close();
  }
}
