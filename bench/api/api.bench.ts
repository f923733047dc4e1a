import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { createRng } from '@lastmile/metrics';
import { createDataSource, runMigrations } from '@lastmile/persistence';
import { freePort } from '../../test/support/postgres-server';
import { startBenchPostgres, type BenchPostgres } from '../support/bench-postgres';
import { liveTreeCpuSeconds } from '../support/proc-stats';
import { formatTable, round, writeResults } from '../support/report';
import { startService } from '../support/service-process';
import { loadEndpoint, type LoadResult } from './load-phase';
import {
  explainRequest,
  QUERY_INSIGHT_FLAGS,
  resetStatements,
  topStatements,
  type CapturedPlan,
  type StatementStats,
} from './query-plans';
import { seedApiData, type SeededApiData } from './seed-api-data';

// Benchmark (issue 8), not a test: read endpoints at a fixed rate over 1,000,000 metric rows and 10,000 alerts.
const RATE = Number(process.env.BENCH_API_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 30);
const WARMUP_SECONDS = 5;
const CONNECTIONS = 20;
const GOAL_P99_MS = 50;

interface EndpointResult {
  load: LoadResult;
  /** CPU of the API process and of the database server over the phase, per request. */
  cpu: { apiMsPerRequest: number; databaseMsPerRequest: number };
  statements: StatementStats[];
  plans: CapturedPlan[];
  loadAverage: number;
}

interface Endpoint {
  name: string;
  path: () => string;
}

function endpoints(data: SeededApiData, alertsCursor: string | null): Endpoint[] {
  const random = createRng(42);
  const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)];
  const list: Endpoint[] = [
    { name: 'GET /v1/runs/:id/metrics', path: () => `/v1/runs/${pick(data.runIds)}/metrics` },
  ];
  if (alertsCursor !== null) {
    list.push({ name: 'GET /v1/alerts', path: () => '/v1/alerts' });
    list.push({ name: 'GET /v1/alerts?status=open', path: () => '/v1/alerts?status=open' });
    list.push({
      name: 'GET /v1/alerts?plan=…',
      path: () => `/v1/alerts?plan=${pick(data.planIds)}`,
    });
    list.push({
      name: 'GET /v1/alerts?cursor=(page 11)',
      path: () => `/v1/alerts?cursor=${alertsCursor}`,
    });
  }
  return list;
}

/** The cursor of the 11th page of 50 (keyset pagination deep in the list), or null without an alerts API. */
async function deepAlertsCursor(baseUrl: string, apiKey: string): Promise<string | null> {
  let cursor = '';
  for (let page = 0; page < 10; page++) {
    const response = await fetch(`${baseUrl}/v1/alerts${cursor ? `?cursor=${cursor}` : ''}`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    if (response.status === 404) return null;
    const body = (await response.json()) as { nextCursor: string | null };
    if (!body.nextCursor) throw new Error('GET /v1/alerts ended before page 11');
    cursor = body.nextCursor;
  }
  return cursor;
}

async function waitForHealth(baseUrl: string, logTail: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the API did not become healthy: ${logTail()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function prepareDatabase(pg: BenchPostgres): Promise<SeededApiData> {
  const dataSource = createDataSource({ url: pg.url, poolSize: 2 });
  await dataSource.initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();
  await pg.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const started = Date.now();
  const data = await seedApiData(pg);
  console.error(
    `seeded ${data.metrics} metric rows and ${data.alerts} alerts in ${round((Date.now() - started) / 1000, 1)} s`,
  );
  return data;
}

async function main(): Promise<void> {
  const pg = await startBenchPostgres(QUERY_INSIGHT_FLAGS);
  const apiKey = `lm_bench_${randomBytes(12).toString('hex')}`;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let api: ReturnType<typeof startService> | undefined;
  try {
    const data = await prepareDatabase(pg);
    // The per-key rate limit (600/min by default) would turn a 200 requests/s load into 429s.
    api = startService(['--no-runner'], {
      DATABASE_URL: pg.url,
      HOST: '127.0.0.1',
      PORT: String(port),
      LASTMILE_ADMIN_KEY: apiKey,
      LASTMILE_RATE_LIMIT_PER_MINUTE: '100000000',
    });
    await waitForHealth(baseUrl, api.logTail);
    const alertsCursor = await deepAlertsCursor(baseUrl, apiKey);
    const results: EndpointResult[] = [];
    for (const endpoint of endpoints(data, alertsCursor)) {
      const common = {
        baseUrl,
        endpoint: endpoint.name,
        path: endpoint.path,
        apiKey,
        rate: RATE,
        connections: CONNECTIONS,
      };
      await loadEndpoint({ ...common, seconds: WARMUP_SECONDS }); // warm-up: caches and JIT, excluded
      await resetStatements(pg);
      const cpuBefore = { api: liveTreeCpuSeconds(api.pid), database: liveTreeCpuSeconds(pg.pid) };
      const load = await loadEndpoint({ ...common, seconds: SECONDS });
      const cpu = {
        apiMsPerRequest: ((liveTreeCpuSeconds(api.pid) - cpuBefore.api) * 1000) / load.requests,
        databaseMsPerRequest:
          ((liveTreeCpuSeconds(pg.pid) - cpuBefore.database) * 1000) / load.requests,
      };
      const statements = await topStatements(pg);
      await new Promise((resolve) => setTimeout(resolve, 2000)); // let requests still queued in the API drain
      const plans = await explainRequest(pg, async () => {
        const response = await fetch(`${baseUrl}${endpoint.path()}`, {
          headers: { authorization: `Bearer ${apiKey}` },
        });
        await response.arrayBuffer();
      });
      results.push({ load, cpu, statements, plans, loadAverage: loadavg()[0] });
      console.error(`${endpoint.name}: done`);
    }
    report(data, results, alertsCursor !== null);
  } catch (error) {
    if (api) console.error(`API log (last lines):\n${api.logTail()}`);
    throw error;
  } finally {
    await api?.stop();
    await pg.stop();
  }
}

function report(data: SeededApiData, results: EndpointResult[], alertsRoute: boolean): void {
  console.log(
    `\n${data.metrics} metric rows over ${data.runIds.length} runs, ${data.alerts} alerts; ${RATE} requests/s for ${SECONDS} s per endpoint (${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up excluded)\n`,
  );
  console.log(
    formatTable(
      [
        'endpoint',
        'requests',
        'req/s',
        'non-2xx',
        'errors',
        'p50 ms',
        'p90 ms',
        'p99 ms',
        'max ms',
        `p99 < ${GOAL_P99_MS} ms`,
        'API CPU ms/req',
        'db CPU ms/req',
        'load avg',
      ],
      results.map(({ load, cpu, loadAverage }) => [
        load.endpoint,
        load.requests,
        round(load.requestsPerSecond, 0),
        load.non2xx,
        load.errors + load.timeouts,
        load.latencyMs.p50,
        load.latencyMs.p90,
        load.latencyMs.p99,
        load.latencyMs.max,
        load.latencyMs.p99 < GOAL_P99_MS && load.non2xx === 0 ? 'MET' : 'MISSED',
        round(cpu.apiMsPerRequest),
        round(cpu.databaseMsPerRequest),
        round(loadAverage, 1),
      ]),
    ),
  );
  if (!alertsRoute)
    console.log(
      '\nGET /v1/alerts answered 404: the alerts API is not there yet, so only metrics were driven.',
    );
  for (const { load, statements, plans } of results) {
    console.log(`\n=== ${load.endpoint}: statements under load (pg_stat_statements)`);
    console.log(
      formatTable(
        ['calls', 'mean ms', 'max ms', 'rows/call', 'query'],
        statements.map((s) => [
          s.calls,
          round(s.meanMs, 3),
          round(s.maxMs, 2),
          round(s.rowsPerCall, 1),
          s.query.slice(0, 140),
        ]),
      ),
    );
    for (const plan of plans) {
      console.log(`\n--- EXPLAIN (ANALYZE, BUFFERS) ${plan.query.slice(0, 200)}`);
      console.log(plan.plan);
      for (const scan of plan.seqScans)
        console.log(`!!! sequential scan on ${scan.table} reading ${scan.rows} rows`);
    }
  }
  const path = writeResults('api', {
    rate: RATE,
    seconds: SECONDS,
    connections: CONNECTIONS,
    metrics: data.metrics,
    alerts: data.alerts,
    results,
  });
  console.log(`\nwritten: ${path}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
