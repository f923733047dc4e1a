import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { createRng } from '@lastmile/metrics';
import { monitorRun, type RunPlan } from '@lastmile/evaluation';
import {
  createDataSource,
  Database,
  runMigrations,
  type Model,
  type Plan,
  type Run,
  type Slice,
} from '@lastmile/persistence';
import type { DataSource } from 'typeorm';
import type { InstanceStats, MetricDefinition, ScenarioKind } from '@lastmile/scenarios';
import { startBenchPostgres } from '../support/bench-postgres';
import { formatTable, round, writeResults } from '../support/report';

// Benchmark, not a test: the drift monitor on one run of 20,000 items with 3 attributes × 8
// groups and 2 cross cells (64 cells each), 5 metrics, against a 3-run first_n baseline, on a
// real PostgreSQL. Goal (issue 14): under 2 s for the monitored run.
const ITEMS = 20_000;
const GROUPS = 8;
const ATTRIBUTES = ['site', 'accent', 'device'] as const;
const CROSS: readonly (readonly [string, string])[] = [
  ['site', 'accent'],
  ['accent', 'device'],
];
const BASELINE_RUNS = 3;
const GOAL_SECONDS = 2;

const num = (stats: InstanceStats, key: string) => Number(stats[key] ?? 0);
const proportion = (name: string, key: string): MetricDefinition => ({
  name,
  direction: 'lower_is_better',
  statKind: 'proportion',
  itemValue: (s) => (s.length ? { num: num(s[0], key), den: 1 } : null),
});
const ratio = (name: string, key: string, per: string): MetricDefinition => ({
  name,
  direction: 'lower_is_better',
  statKind: 'ratio',
  itemValue: (s) =>
    s.length
      ? { num: s.reduce((t, x) => t + num(x, key), 0), den: s.reduce((t, x) => t + num(x, per), 0) }
      : null,
});
const mean = (name: string, key: string): MetricDefinition => ({
  name,
  direction: 'higher_is_better',
  statKind: 'mean',
  itemValue: (s) => (s.length ? { num: num(s[0], key), den: 1 } : null),
});
const METRICS = [
  ratio('wer', 'errors', 'words'),
  ratio('cer', 'charErrors', 'chars'),
  proportion('empty_rate', 'empty'),
  proportion('error_rate', 'wrong'),
  mean('score', 'score'),
];

/** The bench's own scenario kind: five metrics over stats written straight into the database. */
const benchKind = {
  kind: 'bench_monitor',
  version: '1',
  modality: 'text',
  metrics: () => METRICS,
} as unknown as ScenarioKind<unknown>;

function attributesOf(i: number): Record<string, string> {
  return {
    site: `s${i % GROUPS}`,
    accent: `a${Math.floor(i / GROUPS) % GROUPS}`,
    device: `d${Math.floor(i / GROUPS ** 2) % GROUPS}`,
  };
}

/** Per-item stats of one run: run-to-run noise; the current run hurts accent a3 badly. */
function statsOf(i: number, run: number, current: boolean): Record<string, number> {
  const rng = createRng(i * 7919 + run * 104729);
  const hurt = current && attributesOf(i).accent === 'a3';
  const words = 5 + (i % 11);
  const p = hurt ? 0.45 : 0.08;
  let errors = 0;
  for (let w = 0; w < words; w++) if (rng() < p) errors++;
  return {
    errors,
    words,
    charErrors: errors * 4 + (rng() < 0.2 ? 1 : 0),
    chars: words * 5,
    empty: rng() < (hurt ? 0.2 : 0.01) ? 1 : 0,
    wrong: errors > words / 3 ? 1 : 0,
    score: 1 - errors / words,
  };
}

function subgroupsOf(attributes: Record<string, string>): string[] {
  return [
    'all',
    ...ATTRIBUTES.map((a) => `${a}=${attributes[a]}`),
    ...CROSS.map(([x, y]) => `${x}=${attributes[x]}&${y}=${attributes[y]}`),
  ];
}

async function seedRun(
  dataSource: DataSource,
  database: Database,
  ids: Ids,
  index: number,
  current: boolean,
) {
  const [run] = await dataSource.query(
    `INSERT INTO runs (plan_id, model_id, scenario_id, status, trigger, total, done, provenance, started_at, finished_at)
     VALUES ($1, $2, $3, 'succeeded', 'manual', $4, $4, $5, now(), now()) RETURNING id`,
    [ids.plan.id, ids.model.id, ids.scenarioId, ITEMS, JSON.stringify(provenanceOf(ids))],
  );
  const stats = Array.from({ length: ITEMS }, (_, i) => statsOf(i, index, current));
  const keys = stats.map((_, i) => `item-${i}`);
  for (let at = 0; at < ITEMS; at += 5000) {
    const batch = keys.slice(at, at + 5000);
    await dataSource.query(
      `INSERT INTO instance_results (run_id, slice_id, item_key, sample, response, stats, attributes)
       SELECT $1, $2, k, 0, 'answer', s, a FROM unnest($3::text[], $4::jsonb[], $5::jsonb[]) AS t(k, s, a)`,
      [
        run.id,
        ids.slice.id,
        batch,
        batch.map((_, j) => JSON.stringify(stats[at + j])),
        batch.map((_, j) => JSON.stringify(attributesOf(at + j))),
      ],
    );
  }
  // The run's metric rows: every subgroup the kind reports (values as the kind would compute).
  const sums = new Map<string, { n: number; v: number[] }>();
  stats.forEach((s, i) => {
    for (const subgroup of subgroupsOf(attributesOf(i))) {
      const cell = sums.get(subgroup) ?? { n: 0, v: [0, 0, 0, 0, 0, 0, 0] };
      cell.n += 1;
      [s.errors, s.words, s.charErrors, s.chars, s.empty, s.wrong, s.score].forEach(
        (x, k) => (cell.v[k] += x),
      );
      sums.set(subgroup, cell);
    }
  });
  const rows = [...sums].flatMap(([subgroup, { n, v }]) =>
    [v[0] / v[1], v[2] / v[3], v[4] / n, v[5] / n, v[6] / n].map((value, k) => ({
      subgroup,
      name: METRICS[k].name,
      value,
      n,
    })),
  );
  await dataSource.query(
    `INSERT INTO metrics (run_id, plan_id, model_id, slice_id, subgroup, name, value, ci_low, ci_high, n)
     SELECT $1, $2, $3, $4, g, m, v, v - 0.01, v + 0.01, n
       FROM unnest($5::text[], $6::text[], $7::float8[], $8::int[]) AS t(g, m, v, n)`,
    [
      run.id,
      ids.plan.id,
      ids.model.id,
      ids.slice.id,
      rows.map((r) => r.subgroup),
      rows.map((r) => r.name),
      rows.map((r) => r.value),
      rows.map((r) => r.n),
    ],
  );
  return (await database.stores.runs.find(run.id))!;
}

interface Ids {
  model: Model;
  scenarioId: string;
  slice: Slice;
  plan: Plan;
}

const provenanceOf = (ids: Ids) => ({
  modelSpecHash: ids.model.adapterHash,
  sliceHashes: { [ids.slice.id]: ids.slice.contentHash },
  scenarioKind: 'bench_monitor',
  scenarioVersion: '1',
  harnessVersion: 'bench',
  seed: 1,
});

async function seedCatalog(dataSource: DataSource, database: Database): Promise<Ids> {
  const { models, scenarios, plans } = database.stores;
  const model = await models.create({
    name: 'bench-monitor',
    version: '1',
    modality: 'text',
    adapter: { kind: 'openai-chat' },
    adapterHash: 'a'.repeat(64),
    defaultParams: {},
  });
  const scenario = await scenarios.create({ name: 'bench-monitor', kind: 'qa', config: {} });
  const [slice] = await dataSource.query(
    `INSERT INTO slices (name, version, content_hash, modality, item_count, attributes)
     VALUES ('bench-monitor', 1, md5('bench-monitor'), 'text', $1, '{}') RETURNING id`,
    [ITEMS],
  );
  const plan = await plans.save({
    name: 'bench-monitor',
    modelId: model.id,
    scenarioId: scenario.id,
    sliceIds: [slice.id],
    tenantId: null,
    cron: null,
    timezone: 'UTC',
    enabled: true,
    sampleSize: null,
    seed: 1,
    baselinePolicy: { kind: 'first_n', n: BASELINE_RUNS },
    alertPolicy: {
      alpha: 0.05,
      minEffect: 0.02,
      fairnessTolerance: 0.1,
      severity: { warning: 0.02, critical: 0.1 },
      autoResolveAfter: 2,
    },
    channels: [],
    cacheResponses: false,
  });
  const [stored] = await database.stores.slices.byIds([slice.id]);
  return { model, scenarioId: scenario.id, slice: stored, plan };
}

async function monitor(database: Database, ids: Ids, run: Run) {
  const runPlan: RunPlan = {
    run,
    plan: ids.plan,
    model: ids.model,
    scenario: { id: ids.scenarioId, kind: 'bench_monitor', config: {} },
    kind: benchKind,
    config: {},
    slices: [ids.slice],
    sampleSize: null,
    seed: 1,
    cacheResponses: false,
  };
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const outcome = await database.transaction((stores) =>
    monitorRun(stores, {
      run,
      runPlan,
      plan: ids.plan,
      settings: { publicUrl: 'http://bench', grafanaUrl: 'http://grafana.bench', urlAllowlist: '' },
      health: {
        kind: 'health',
        planId: ids.plan.id,
        sliceId: null,
        metric: 'run_status',
        subgroup: 'all',
        finding: null,
      },
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  return {
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    outcome,
  };
}

/** With BENCH_PROFILE=<file>, a V8 CPU profile of the monitored run (open it in Chrome's DevTools). */
async function profiled<T>(measure: () => Promise<T>): Promise<T> {
  const path = process.env.BENCH_PROFILE;
  if (!path) return measure();
  const session = new Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.start');
  const result = await measure();
  const { profile } = (await post('Profiler.stop')) as { profile: unknown };
  writeFileSync(path, JSON.stringify(profile));
  session.disconnect();
  return result;
}

async function main() {
  const postgres = await startBenchPostgres();
  const dataSource = createDataSource({ url: postgres.url, poolSize: 4 });
  await dataSource.initialize();
  await runMigrations(dataSource);
  const database = new Database(dataSource);
  try {
    const ids = await seedCatalog(dataSource, database);
    const baseline = [];
    for (let r = 0; r < BASELINE_RUNS; r++) {
      const run = await seedRun(dataSource, database, ids, r, false);
      baseline.push(await monitor(database, ids, run));
    }
    const current = await seedRun(dataSource, database, ids, BASELINE_RUNS, true);
    const measured = await profiled(() => monitor(database, ids, current));
    const incidents = measured.outcome.incidents.filter((i) => i.action !== 'clean');
    const rows = [
      ...baseline.map((b, i) => [
        `baseline run ${i + 1}`,
        round(b.seconds, 3),
        round(b.cpuSeconds, 3),
        '—',
      ]),
      [
        'monitored run',
        round(measured.seconds, 3),
        round(measured.cpuSeconds, 3),
        incidents.map((i) => `${i.type}:${i.findings}`).join(' '),
      ],
    ];
    console.log(
      `drift monitor: ${ITEMS} items, ${ATTRIBUTES.length} attributes × ${GROUPS} groups, ${CROSS.length} cross cells, ${METRICS.length} metrics, ${BASELINE_RUNS}-run baseline`,
    );
    console.log(formatTable(['run', 'wall s', 'cpu s', 'incidents (type:findings)'], rows));
    console.log(
      `goal: under ${GOAL_SECONDS} s — ${measured.seconds < GOAL_SECONDS ? 'met' : 'NOT met'} (${round(measured.seconds, 3)} s)`,
    );
    const path = writeResults('monitor', {
      items: ITEMS,
      attributes: ATTRIBUTES.length,
      groups: GROUPS,
      crossCells: CROSS.length,
      metrics: METRICS.length,
      baselineRuns: BASELINE_RUNS,
      baseline: baseline.map((b) => ({ seconds: b.seconds, cpuSeconds: b.cpuSeconds })),
      monitored: { seconds: measured.seconds, cpuSeconds: measured.cpuSeconds, incidents },
      goalSeconds: GOAL_SECONDS,
    });
    console.log(`results: ${path}`);
  } finally {
    await dataSource.destroy();
    await postgres.stop();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
