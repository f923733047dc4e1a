import { loadavg } from 'node:os';
import { startBenchPostgres } from '../support/bench-postgres';
import { startBenchRedis } from '../support/redis-server';
import { formatTable, round, writeResults } from '../support/report';
import { memoryPhase } from './memory-phase';
import { scaleOutPhase, type ScaleOutResult } from './scale-out-phase';

// Benchmark (issue 8), not a test: (a) memory of one runner over a 100,000-item run,
// (b) throughput of one runner process vs two on the Redis backend against a 50 ms model.
const MEMORY_ITEMS = Number(process.env.BENCH_SCALE_ITEMS ?? 100_000);
const MEMORY_TIMEOUT_MS = Number(process.env.BENCH_SCALE_MEMORY_TIMEOUT_MS ?? 25 * 60_000);
const SCALE_OUT = {
  runs: Number(process.env.BENCH_SCALE_RUNS ?? 8),
  itemsPerRun: Number(process.env.BENCH_SCALE_ITEMS_PER_RUN ?? 750),
  latencyMs: 50,
  concurrency: 8,
  timeoutMs: 120_000,
};

async function main(): Promise<void> {
  const pg = await startBenchPostgres();
  const redis = await startBenchRedis();
  const loads: number[] = [];
  try {
    const memory = await memoryPhase(pg, redis.url, {
      items: MEMORY_ITEMS,
      concurrency: 32,
      timeoutMs: MEMORY_TIMEOUT_MS,
    });
    loads.push(loadavg()[0]);
    console.log(
      `\n(a) one runner process, one run of ${memory.items} qa items, fixture latency 0 ms, model concurrency ${memory.concurrency}`,
    );
    console.log(
      `    ${memory.finished ? 'finished' : 'NOT finished (time limit)'} in ${round(memory.seconds, 1)} s (${round(memory.checkpoints[memory.checkpoints.length - 1].done / memory.seconds, 0)} items/s); RSS idle before the run ${round(memory.idleRssMiB, 0)} MiB, peak ${round(memory.peakRssMiB, 0)} MiB; CPU per item: runner ${round(memory.runnerCpuMsPerItem)} ms, database server ${round(memory.databaseCpuMsPerItem)} ms\n`,
    );
    console.log(
      formatTable(
        ['progress', 'at s', 'done', 'RSS MiB'],
        memory.checkpoints.map((c) => [
          `${c.progress * 100}%`,
          round(c.atS, 1),
          c.done,
          round(c.rssMiB, 0),
        ]),
      ),
    );

    const scaleOut: ScaleOutResult[] = [];
    for (const runners of [1, 2]) {
      scaleOut.push(await scaleOutPhase(pg, redis.url, { runners, ...SCALE_OUT }));
      loads.push(loadavg()[0]);
    }
    console.log(
      `\n(b) ${SCALE_OUT.runs} runs × ${SCALE_OUT.itemsPerRun} items queued at once, Redis backend, model latency ${SCALE_OUT.latencyMs} ms, model concurrency ${SCALE_OUT.concurrency} per runner\n`,
    );
    console.log(
      formatTable(
        ['runners', 'seconds', 'items/s', 'ideal items/s', 'of ideal', 'speed-up'],
        scaleOut.map((r) => [
          r.runners,
          round(r.seconds, 1),
          round(r.itemsPerSecond, 0),
          r.idealItemsPerSecond,
          `${round((100 * r.itemsPerSecond) / r.idealItemsPerSecond, 0)}%`,
          round(r.itemsPerSecond / scaleOut[0].itemsPerSecond, 2),
        ]),
      ),
    );
    console.log(
      `\nload average after each phase: ${loads.map((l) => round(l, 1)).join(', ')} (2 cores)`,
    );
    const { samples, ...memorySummary } = memory;
    const path = writeResults('scale', {
      memory: memorySummary,
      memorySamples: samples,
      scaleOut,
      loadAverages: loads,
    });
    console.log(`written: ${path}`);
  } finally {
    await redis.stop();
    await pg.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
