import { formatTable, round, writeResults } from '../support/report';
import type { LoadResult } from './load-phase';
import type { CapturedPlan, StatementStats } from './query-plans';
import type { SeededApiData } from './seed-api-data';

export const GOAL_P99_MS = 50;

export interface BenchSettings {
  rate: number;
  seconds: number;
  warmupSeconds: number;
  burstSeconds: number;
  connections: number;
}

export interface EndpointResult {
  /** Fixed rate, evenly spaced (the goal's figure). */
  load: LoadResult;
  /** autocannon at the same rate budget: each second's requests sent in bursts of `connections`. */
  bursts: LoadResult;
  /** CPU of the API process and of the database server over the phase, per request. */
  cpu: { apiMsPerRequest: number; databaseMsPerRequest: number };
  statements: StatementStats[];
  plans: CapturedPlan[];
  loadAverage: number;
}

export function report(
  settings: BenchSettings,
  data: SeededApiData,
  results: EndpointResult[],
  alertsRoute: boolean,
): void {
  const {
    rate: RATE,
    seconds: SECONDS,
    warmupSeconds: WARMUP_SECONDS,
    burstSeconds: BURST_SECONDS,
    connections: CONNECTIONS,
  } = settings;
  console.log(
    `\n${data.metrics} metric rows over ${data.runIds.length} runs, ${data.alerts} alerts; ${RATE} requests/s, evenly spaced, for ${SECONDS} s per endpoint (latency from each request's due time; ${WARMUP_SECONDS} s warm-up excluded)\n`,
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
  console.log(
    `\nthe same rate from autocannon (${CONNECTIONS} connections, ${BURST_SECONDS} s): it spends each second's budget at once, so requests arrive in bursts of ${CONNECTIONS}\n`,
  );
  console.log(
    formatTable(
      ['endpoint', 'requests', 'non-2xx', 'errors', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms'],
      results.map(({ bursts }) => [
        bursts.endpoint,
        bursts.requests,
        bursts.non2xx,
        bursts.errors + bursts.timeouts,
        bursts.latencyMs.p50,
        bursts.latencyMs.p90,
        bursts.latencyMs.p99,
        bursts.latencyMs.max,
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
