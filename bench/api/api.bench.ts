import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { createDataSource, runMigrations } from '@lastmile/persistence';
import { freePort } from '../../test/support/postgres-server';
import { startBenchPostgres, type BenchPostgres } from '../support/bench-postgres';
import { liveTreeCpuSeconds } from '../support/proc-stats';
import { round } from '../support/report';
import { startService, type ServiceProcess } from '../../test/support/processes/service-process';
import { loadEndpoint } from './load-phase';
import { openLoopLoad } from './open-loop-load';
import { deepAlertsCursor, endpoints } from './api-endpoints';
import { report, type EndpointResult } from './api-report';
import { explainRequest, QUERY_INSIGHT_FLAGS, resetStatements, topStatements } from './query-plans';
import { seedApiData, type SeededApiData } from './seed-api-data';

// Benchmark (issue 8), not a test: read endpoints at a fixed rate over 1,000,000 metric rows and 10,000 alerts.
const RATE = Number(process.env.BENCH_API_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 30);
const WARMUP_SECONDS = 5;
const BURST_SECONDS = 10;
const CONNECTIONS = 20;

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
  let api: ServiceProcess | undefined;
  try {
    const data = await prepareDatabase(pg);
    // The per-key rate limit (600/min by default) would turn a 200 requests/s load into 429s.
    api = await startService({
      role: 'api',
      name: 'bench-api',
      env: {
        DATABASE_URL: pg.url,
        HOST: '127.0.0.1',
        PORT: String(port),
        LASTMILE_ADMIN_KEY: apiKey,
        LASTMILE_RATE_LIMIT_PER_MINUTE: '100000000',
        LASTMILE_RATE_LIMIT_PER_KEY_PER_MINUTE: '100000000',
        LOG_LEVEL: 'warn',
      },
    });
    const alertsCursor = await deepAlertsCursor(baseUrl, apiKey);
    const results: EndpointResult[] = [];
    for (const endpoint of endpoints(data, alertsCursor)) {
      const common = {
        baseUrl,
        endpoint: endpoint.name,
        path: endpoint.path,
        apiKey,
        rate: RATE,
      };
      await openLoopLoad({ ...common, seconds: WARMUP_SECONDS }); // warm-up: caches and JIT, excluded
      await resetStatements(pg);
      const cpuBefore = { api: liveTreeCpuSeconds(api.pid), database: liveTreeCpuSeconds(pg.pid) };
      // The goal's figure: requests at a fixed rate, evenly spaced.
      const load = await openLoopLoad({ ...common, seconds: SECONDS });
      const cpu = {
        apiMsPerRequest: ((liveTreeCpuSeconds(api.pid) - cpuBefore.api) * 1000) / load.requests,
        databaseMsPerRequest:
          ((liveTreeCpuSeconds(pg.pid) - cpuBefore.database) * 1000) / load.requests,
      };
      const statements = await topStatements(pg);
      // A harsher figure beside it: autocannon spends each second's budget in bursts of 20 at once.
      const bursts = await loadEndpoint({
        ...common,
        connections: CONNECTIONS,
        seconds: BURST_SECONDS,
      });
      await new Promise((resolve) => setTimeout(resolve, 2000)); // let requests still queued in the API drain
      const plans = await explainRequest(pg, async () => {
        const response = await fetch(`${baseUrl}${endpoint.path()}`, {
          headers: { authorization: `Bearer ${apiKey}` },
        });
        await response.arrayBuffer();
      });
      results.push({ load, bursts, cpu, statements, plans, loadAverage: loadavg()[0] });
      console.error(`${endpoint.name}: done`);
    }
    report(
      {
        rate: RATE,
        seconds: SECONDS,
        warmupSeconds: WARMUP_SECONDS,
        burstSeconds: BURST_SECONDS,
        connections: CONNECTIONS,
      },
      data,
      results,
      alertsCursor !== null,
    );
  } catch (error) {
    if (api) console.error(`API log (last lines):\n${api.tail()}`);
    throw error;
  } finally {
    await api?.stop();
    await pg.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
