import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBenchPostgres, type BenchPostgres } from '../support/bench-postgres';
import { treeCpuSeconds } from '../support/proc-stats';
import { qaItems, startQaModel, writeQaJsonl } from '../support/qa-items';
import { formatTable, round, writeResults, type Cell } from '../support/report';
import { runLastmile, writeEvalConfig } from './lastmile-run';
import {
  ensurePromptfoo,
  PROMPTFOO_VERSION,
  runPromptfoo,
  writePromptfooConfig,
} from './promptfoo-run';

// Benchmark (issue 4), not a test: `lastmile run` vs promptfoo on the same 1,000 qa items, same concurrency.
const ITEMS = 1000;
const CONCURRENCY = 16;
const LATENCIES = [0, 50];
const REPEATS = Number(process.env.BENCH_REPEATS ?? 2);
const TIMEOUT_MS = 300_000;

interface Measurement {
  tool: string;
  latencyMs: number;
  wallS: number;
  executorS: number | null;
  cpuS: number;
  dbServerCpuS: number | null;
  rows: number;
  correct: number;
  loadAvg: number;
}

async function measureLastmile(
  config: string,
  latencyMs: number,
  pg: BenchPostgres | null,
  database: string,
): Promise<Measurement> {
  let url: string | undefined;
  if (pg) {
    await pg.query(`CREATE DATABASE ${database}`);
    url = pg.url.replace(/\/lastmile$/, `/${database}`);
  }
  const cpuBefore = pg ? treeCpuSeconds(pg.pid) : 0;
  const run = await runLastmile(config, { databaseUrl: url, timeoutMs: TIMEOUT_MS });
  // Backends of the closed connections exit and are reaped by the postmaster shortly after.
  if (pg) await new Promise((resolve) => setTimeout(resolve, 300));
  const dbServerCpuS = pg ? treeCpuSeconds(pg.pid) - cpuBefore : null;
  if (run.storedRows !== ITEMS || run.status !== 'succeeded')
    throw new Error(`lastmile stored ${run.storedRows} rows, status ${run.status}`);
  return {
    tool: pg ? 'lastmile (DATABASE_URL)' : 'lastmile (embedded)',
    latencyMs,
    wallS: run.measured.wallMs / 1000,
    executorS: run.executorMs / 1000,
    cpuS: run.measured.cpuUserS + run.measured.cpuSystemS,
    dbServerCpuS,
    rows: run.storedRows,
    correct: Math.round((run.exactMatch ?? 0) * ITEMS),
    loadAvg: loadavg()[0],
  };
}

async function measurePromptfoo(
  entry: string,
  config: string,
  latencyMs: number,
): Promise<Measurement> {
  const run = await runPromptfoo(entry, config, CONCURRENCY, TIMEOUT_MS);
  if (run.results !== ITEMS) throw new Error(`promptfoo returned ${run.results} results`);
  return {
    tool: `promptfoo ${PROMPTFOO_VERSION}`,
    latencyMs,
    wallS: run.measured.wallMs / 1000,
    executorS: null,
    cpuS: run.measured.cpuUserS + run.measured.cpuSystemS,
    dbServerCpuS: null,
    rows: run.results,
    correct: run.passed,
    loadAvg: loadavg()[0],
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

async function main(): Promise<void> {
  const entry = ensurePromptfoo();
  const dir = mkdtempSync(join(tmpdir(), 'lastmile-bench-throughput-'));
  const items = qaItems(ITEMS);
  writeQaJsonl(join(dir, 'items.jsonl'), items);
  writeQaJsonl(join(dir, 'warmup.jsonl'), qaItems(20));
  const pg = await startBenchPostgres();
  const measurements: Measurement[] = [];
  const warmups: Measurement[] = [];
  let databases = 0;
  try {
    for (const latencyMs of LATENCIES) {
      const model = await startQaModel(latencyMs);
      const lastmileConfig = writeEvalConfig(dir, model.baseUrl, CONCURRENCY, 'items.jsonl');
      const promptfooConfig = writePromptfooConfig(dir, model.baseUrl, items);
      // Warm-up (reported apart): the first start of each program reads its modules from disk.
      if (latencyMs === LATENCIES[0]) {
        const warm = writeEvalConfig(
          mkdtempSync(join(dir, 'warm-')),
          model.baseUrl,
          CONCURRENCY,
          join(dir, 'warmup.jsonl'),
        );
        const run = await runLastmile(warm, { timeoutMs: TIMEOUT_MS });
        warmups.push({
          tool: 'lastmile warm-up (20 items)',
          latencyMs,
          wallS: run.measured.wallMs / 1000,
          executorS: run.executorMs / 1000,
          cpuS: run.measured.cpuUserS + run.measured.cpuSystemS,
          dbServerCpuS: null,
          rows: run.storedRows,
          correct: 0,
          loadAvg: loadavg()[0],
        });
        const pf = await runPromptfoo(
          entry,
          writePromptfooConfig(mkdtempSync(join(dir, 'warm-')), model.baseUrl, qaItems(20)),
          CONCURRENCY,
          TIMEOUT_MS,
        );
        warmups.push({
          tool: 'promptfoo warm-up (20 items)',
          latencyMs,
          wallS: pf.measured.wallMs / 1000,
          executorS: null,
          cpuS: pf.measured.cpuUserS + pf.measured.cpuSystemS,
          dbServerCpuS: null,
          rows: pf.results,
          correct: 0,
          loadAvg: loadavg()[0],
        });
      }
      for (let repeat = 0; repeat < REPEATS; repeat++) {
        // Interleaved, so a change in machine load touches every tool alike.
        measurements.push(await measureLastmile(lastmileConfig, latencyMs, null, ''));
        measurements.push(
          await measureLastmile(lastmileConfig, latencyMs, pg, `bench_${++databases}`),
        );
        measurements.push(await measurePromptfoo(entry, promptfooConfig, latencyMs));
        console.error(`latency ${latencyMs} ms, repeat ${repeat + 1}/${REPEATS} done`);
      }
      await model.close();
    }
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  report(measurements, warmups);
}

function report(measurements: Measurement[], warmups: Measurement[]): void {
  const groups = new Map<string, Measurement[]>();
  for (const m of measurements)
    groups.set(`${m.latencyMs}\u0000${m.tool}`, [
      ...(groups.get(`${m.latencyMs}\u0000${m.tool}`) ?? []),
      m,
    ]);
  const summary = [...groups.values()].map((runs) => {
    const wallS = median(runs.map((r) => r.wallS));
    const executorS = runs[0].executorS === null ? null : median(runs.map((r) => r.executorS!));
    const cpuS = median(runs.map((r) => r.cpuS));
    const dbServerCpuS =
      runs[0].dbServerCpuS === null ? null : median(runs.map((r) => r.dbServerCpuS!));
    return {
      tool: runs[0].tool,
      latencyMs: runs[0].latencyMs,
      runs: runs.length,
      wallS,
      executorS,
      startupS: executorS === null ? null : wallS - executorS,
      cpuS,
      cpuMsPerItem: (cpuS * 1000) / ITEMS,
      dbServerCpuMsPerItem: dbServerCpuS === null ? null : (dbServerCpuS * 1000) / ITEMS,
      itemsPerS: ITEMS / wallS,
      rows: runs[0].rows,
      correct: runs[0].correct,
    };
  });
  const headers = [
    'latency ms',
    'tool',
    'runs',
    'wall s',
    'executor s',
    'start+end s',
    'items/s (wall)',
    'CPU ms/item',
    '+ db server CPU ms/item',
    'rows',
    'correct',
  ];
  const rows: Cell[][] = summary.map((s) => [
    s.latencyMs,
    s.tool,
    s.runs,
    round(s.wallS),
    s.executorS === null ? null : round(s.executorS),
    s.startupS === null ? null : round(s.startupS),
    round(s.itemsPerS, 0),
    round(s.cpuMsPerItem),
    s.dbServerCpuMsPerItem === null ? null : round(s.dbServerCpuMsPerItem),
    s.rows,
    s.correct,
  ]);
  console.log(
    `\n${ITEMS} qa items, concurrency ${CONCURRENCY}, medians of ${REPEATS} interleaved runs (wall: spawn to exit; CPU: the process tree, /usr/bin/time)\n`,
  );
  console.log(formatTable(headers, rows));
  console.log('\nwarm-up (excluded above):');
  console.log(
    formatTable(
      ['tool', 'wall s', 'CPU s'],
      warmups.map((w) => [w.tool, round(w.wallS), round(w.cpuS)]),
    ),
  );
  const goals = checkGoals(summary);
  console.log(
    `\ngoals:\n${goals.map((g) => `  ${g.met ? 'MET   ' : 'MISSED'} ${g.text}`).join('\n')}`,
  );
  console.log(
    `load average during the runs: ${measurements.map((m) => round(m.loadAvg, 1)).join(', ')} (2 cores)`,
  );
  const path = writeResults('throughput', {
    items: ITEMS,
    concurrency: CONCURRENCY,
    repeats: REPEATS,
    summary,
    measurements,
    warmups,
    goals,
  });
  console.log(`\nwritten: ${path}`);
}

function checkGoals(
  summary: { tool: string; latencyMs: number; wallS: number; executorS: number | null }[],
) {
  const find = (latencyMs: number, prefix: string) =>
    summary.find((s) => s.latencyMs === latencyMs && s.tool.startsWith(prefix))!;
  const promptfoo = find(0, 'promptfoo');
  const ideal = (ITEMS * 0.05) / CONCURRENCY;
  return [
    ...['lastmile (embedded)', 'lastmile (DATABASE_URL)'].map((tool) => {
      const wall = find(0, tool).wallS;
      return {
        met: wall < promptfoo.wallS / 4,
        text: `0 ms: ${tool} wall ${round(wall)} s < promptfoo ${round(promptfoo.wallS)} s / 4 = ${round(promptfoo.wallS / 4)} s (ratio ${round(promptfoo.wallS / wall, 1)}×)`,
      };
    }),
    ...['lastmile (embedded)', 'lastmile (DATABASE_URL)'].map((tool) => {
      const executor = find(50, tool).executorS!;
      return {
        met: executor <= ideal * 1.1,
        text: `50 ms: ${tool} executor ${round(executor)} s within 10% of ideal ${round(ideal, 3)} s (≤ ${round(ideal * 1.1, 3)} s), start-up apart`,
      };
    }),
  ];
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
