import type { BenchPostgres } from '../support/bench-postgres';
import { startQaModel } from '../support/qa-items';
import { startService, type ServiceProcess } from '../../test/support/processes/service-process';
import { queueRuns, runProgress, seedQaEvaluation } from '../support/seed-evaluation';
import { phaseEnvironment, sleep, waitForWorkers } from './scale-env';

export interface ScaleOutResult {
  runners: number;
  runs: number;
  itemsPerRun: number;
  modelLatencyMs: number;
  modelConcurrencyPerRunner: number;
  finished: boolean;
  seconds: number;
  itemsPerSecond: number;
  /** What the model slots allow: runners × concurrency / latency. */
  idealItemsPerSecond: number;
}

/**
 * The same queued runs (one plan queued N times at once) drained by `runners` runner processes
 * on the Redis backend against a model answering in 50 ms. Timed from queueing to the last run's end.
 */
export async function scaleOutPhase(
  pg: BenchPostgres,
  redisUrl: string,
  options: {
    runners: number;
    runs: number;
    itemsPerRun: number;
    latencyMs: number;
    concurrency: number;
    timeoutMs: number;
  },
): Promise<ScaleOutResult> {
  const model = await startQaModel(options.latencyMs);
  const env = await phaseEnvironment(
    pg,
    redisUrl,
    `bench_scale_${options.runners}`,
    1 + options.runners,
  );
  const runners: ServiceProcess[] = [];
  try {
    const seeded = await seedQaEvaluation(env.dataSource, {
      items: options.itemsPerRun,
      baseUrl: model.baseUrl,
      concurrency: options.concurrency,
      name: `bench-scale-${options.runners}`,
    });
    for (let i = 0; i < options.runners; i++)
      runners.push(
        await startService({
          role: 'runner',
          name: `bench-runner-${i + 1}`,
          env: { DATABASE_URL: env.databaseUrl, REDIS_URL: env.redisUrl, LOG_LEVEL: 'warn' },
        }),
      );
    await waitForWorkers(env.queue, options.runners, 120_000);
    const started = Date.now();
    const runIds = await queueRuns(env.dataSource, env.queue, seeded, options.runs);
    let finished = false;
    while (Date.now() - started < options.timeoutMs) {
      await sleep(200);
      const progress = await runProgress(env.dataSource, runIds);
      if (progress.failed)
        throw new Error(`a run failed: ${runners.map((r) => r.tail()).join('\n')}`);
      if (progress.finished === runIds.length) {
        finished = true;
        break;
      }
    }
    const seconds = (Date.now() - started) / 1000;
    const { done } = await runProgress(env.dataSource, runIds);
    return {
      runners: options.runners,
      runs: options.runs,
      itemsPerRun: options.itemsPerRun,
      modelLatencyMs: options.latencyMs,
      modelConcurrencyPerRunner: options.concurrency,
      finished,
      seconds,
      itemsPerSecond: done / seconds,
      idealItemsPerSecond: (options.runners * options.concurrency * 1000) / options.latencyMs,
    };
  } finally {
    await Promise.all(runners.map((runner) => runner.stop()));
    await env.close();
    await model.close();
  }
}
