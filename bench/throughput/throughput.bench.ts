import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBenchPostgres, type BenchPostgres } from '../support/bench-postgres';
import { treeCpuSeconds } from '../support/proc-stats';
import type { ChatModelServer } from '@lastmile/fixtures';
import { qaItems, startQaModel, writeQaJsonl } from '../support/qa-items';
import { formatTable, round, writeResults } from '../support/report';
import { runBareClient } from './bare-client';
import { runLastmile, writeEvalConfig } from './lastmile-run';
import {
  ensurePromptfoo,
  PROMPTFOO_VERSION,
  runPromptfoo,
  writePromptfooConfig,
} from './promptfoo-run';
import {
  checkGoals,
  summarize,
  SUMMARY_HEADERS,
  summaryRow,
  type Measurement,
} from './throughput-summary';

// Benchmark (issue 4), not a test: `lastmile run` vs promptfoo on the same 1,000 qa items, same concurrency.
const ITEMS = 1000;
const WARMUP_ITEMS = 20;
const CONCURRENCY = 16;
const LATENCIES = [0, 50];
const REPEATS = Number(process.env.BENCH_REPEATS ?? 2);
const TIMEOUT_MS = 300_000;

type Tool = 'embedded' | 'embedded-home' | 'database-url' | 'promptfoo' | 'bare-client';
const TOOL_NAMES: Record<Tool, string> = {
  embedded: 'lastmile (embedded, new home)',
  'embedded-home': 'lastmile (embedded, existing home)',
  'database-url': 'lastmile (DATABASE_URL)',
  promptfoo: `promptfoo ${PROMPTFOO_VERSION}`,
  'bare-client': 'bare node:http client (floor)',
};

interface Setup {
  pg: BenchPostgres;
  /** LASTMILE_HOME kept across runs: its database is initialised once (by the warm-up), as on a developer's machine. */
  home: string;
  promptfoo: string;
  databases: number;
}

async function measure(
  setup: Setup,
  tool: Tool,
  configs: Configs,
  items: number,
  latencyMs: number,
): Promise<Measurement> {
  const measurement = await measureTool(setup, tool, configs, items, latencyMs);
  return { ...measurement, modelBusyS: modelBusySeconds(configs.model) };
}

interface Configs {
  lastmile: string;
  promptfoo: string;
  baseUrl: string;
  itemsFile: string;
  model: ChatModelServer;
}

/** The fixture's view, the same for every tool: first request in to last answer out. */
function modelBusySeconds(model: ChatModelServer): number | null {
  const { firstRequestAt, lastAnswerAt } = model.stats;
  model.stats.firstRequestAt = null;
  model.stats.lastAnswerAt = null;
  return firstRequestAt === null || lastAnswerAt === null
    ? null
    : (lastAnswerAt - firstRequestAt) / 1000;
}

async function measureTool(
  setup: Setup,
  tool: Tool,
  configs: Configs,
  items: number,
  latencyMs: number,
): Promise<Omit<Measurement, 'modelBusyS'>> {
  const base = { tool: TOOL_NAMES[tool], latencyMs, items };
  if (tool === 'bare-client') {
    const run = await runBareClient(configs.baseUrl, configs.itemsFile, CONCURRENCY, TIMEOUT_MS);
    if (run.answers !== items)
      throw new Error(`bare client got ${run.answers} answers, not ${items}`);
    return {
      ...base,
      wallS: run.measured.wallMs / 1000,
      executorS: run.callsS,
      cpuS: run.measured.cpuUserS + run.measured.cpuSystemS,
      dbServerCpuS: null,
      rows: 0,
      correct: run.correct,
      loadAvg: loadavg()[0],
    };
  }
  if (tool === 'promptfoo') {
    const run = await runPromptfoo(setup.promptfoo, configs.promptfoo, CONCURRENCY, TIMEOUT_MS);
    if (run.results !== items)
      throw new Error(`promptfoo returned ${run.results} results, not ${items}`);
    const cpuS = run.measured.cpuUserS + run.measured.cpuSystemS;
    return {
      ...base,
      wallS: run.measured.wallMs / 1000,
      executorS: null,
      cpuS,
      dbServerCpuS: null,
      rows: run.results,
      correct: run.passed,
      loadAvg: loadavg()[0],
    };
  }
  let url: string | undefined;
  if (tool === 'database-url') {
    const database = `bench_${++setup.databases}`;
    await setup.pg.query(`CREATE DATABASE ${database}`);
    url = setup.pg.url.replace(/\/lastmile$/, `/${database}`);
  }
  const cpuBefore = treeCpuSeconds(setup.pg.pid);
  const run = await runLastmile(configs.lastmile, {
    databaseUrl: url,
    home: tool === 'embedded-home' ? setup.home : undefined,
    timeoutMs: TIMEOUT_MS,
  });
  // Backends of the closed connections exit and are reaped by the postmaster shortly after.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const dbServerCpuS = url ? treeCpuSeconds(setup.pg.pid) - cpuBefore : null;
  if (run.storedRows !== items || run.status !== 'succeeded')
    throw new Error(`lastmile stored ${run.storedRows} rows of ${items}, status ${run.status}`);
  return {
    ...base,
    wallS: run.measured.wallMs / 1000,
    executorS: run.executorMs / 1000,
    cpuS: run.measured.cpuUserS + run.measured.cpuSystemS,
    dbServerCpuS,
    rows: run.storedRows,
    correct: Math.round((run.exactMatch ?? 0) * items),
    loadAvg: loadavg()[0],
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lastmile-bench-throughput-'));
  const setup: Setup = {
    pg: await startBenchPostgres(),
    home: mkdtempSync(join(tmpdir(), 'lastmile-bench-home-kept-')),
    promptfoo: '',
    databases: 0,
  };
  const measurements: Measurement[] = [];
  const warmups: Measurement[] = [];
  // BENCH_TOOLS=embedded-home,database-url measures only those (e.g. an A/B of two commits).
  const allTools: Tool[] = [
    'embedded',
    'embedded-home',
    'database-url',
    'promptfoo',
    'bare-client',
  ];
  const tools = process.env.BENCH_TOOLS
    ? allTools.filter((tool) => process.env.BENCH_TOOLS!.split(',').includes(tool))
    : allTools;
  if (tools.includes('promptfoo')) setup.promptfoo = ensurePromptfoo();
  try {
    writeQaJsonl(join(dir, 'items.jsonl'), qaItems(ITEMS));
    writeQaJsonl(join(dir, 'warmup.jsonl'), qaItems(WARMUP_ITEMS));
    for (const latencyMs of LATENCIES) {
      const model = await startQaModel(latencyMs);
      if (latencyMs === LATENCIES[0]) {
        // Warm-up, reported apart: the first start of a program reads its modules from disk. Its CPU
        // also gives each tool's fixed cost, so (CPU of 1,000 items − CPU of 20) / 980 is the cost of an item.
        const warm = {
          lastmile: writeEvalConfig(
            mkdtempSync(join(dir, 'warm-')),
            model.baseUrl,
            CONCURRENCY,
            join(dir, 'warmup.jsonl'),
          ),
          promptfoo: writePromptfooConfig(
            mkdtempSync(join(dir, 'warm-')),
            model.baseUrl,
            qaItems(WARMUP_ITEMS),
          ),
          baseUrl: model.baseUrl,
          itemsFile: join(dir, 'warmup.jsonl'),
          model,
        };
        // The kept home's database is created first, unrecorded: its warm-up is then a later run.
        await measure(setup, 'embedded-home', warm, WARMUP_ITEMS, latencyMs);
        for (const tool of tools)
          warmups.push(await measure(setup, tool, warm, WARMUP_ITEMS, latencyMs));
      }
      const configs = {
        lastmile: writeEvalConfig(dir, model.baseUrl, CONCURRENCY, 'items.jsonl'),
        promptfoo: writePromptfooConfig(dir, model.baseUrl, qaItems(ITEMS)),
        baseUrl: model.baseUrl,
        itemsFile: join(dir, 'items.jsonl'),
        model,
      };
      for (let repeat = 0; repeat < REPEATS; repeat++) {
        // Interleaved, so a change in machine load touches every tool alike.
        for (const tool of tools)
          measurements.push(await measure(setup, tool, configs, ITEMS, latencyMs));
        console.error(`latency ${latencyMs} ms, repeat ${repeat + 1}/${REPEATS} done`);
      }
      await model.close();
    }
  } finally {
    await setup.pg.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(setup.home, { recursive: true, force: true });
  }
  const summary = summarize(measurements, warmups);
  console.log(
    `\n${ITEMS} qa items, concurrency ${CONCURRENCY}, medians of ${REPEATS} interleaved runs (wall: spawn to exit; CPU: the process tree, /usr/bin/time)\n`,
  );
  console.log(formatTable(SUMMARY_HEADERS, summary.map(summaryRow)));
  console.log(
    'executor s: the run from started_at to finished_at in the database (bare client: first request to last answer); rest s: start-up and exit',
  );
  console.log(`\nwarm-up runs of ${WARMUP_ITEMS} items (excluded above):`);
  console.log(
    formatTable(
      ['tool', 'wall s', 'executor s', 'CPU s'],
      warmups.map((w) => [
        w.tool,
        round(w.wallS),
        w.executorS === null ? null : round(w.executorS),
        round(w.cpuS),
      ]),
    ),
  );
  // The goals compare with promptfoo and the bare client: only when every tool ran.
  const goals =
    tools.length === allTools.length
      ? checkGoals(summary, { items: ITEMS, concurrency: CONCURRENCY })
      : [];
  console.log(
    `\ngoals:\n${goals.map((g) => `  ${g.met ? 'MET   ' : 'MISSED'} ${g.text}`).join('\n')}`,
  );
  console.log(
    `load average (1 min) after each run: ${measurements.map((m) => round(m.loadAvg, 1)).join(', ')} (2 cores)`,
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

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
