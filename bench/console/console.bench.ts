import { randomBytes } from 'node:crypto';
import { createDataSource, runMigrations } from '@lastmile/persistence';
import { chromium } from 'playwright-core';
import { freePort } from '../../test/support/postgres-server';
import { startService, type ServiceProcess } from '../../test/support/processes/service-process';
import { startBenchPostgres } from '../support/bench-postgres';
import { formatTable, writeResults } from '../support/report';
import { seedConsoleData, type SeededConsoleData } from './seed-console-data';

// Benchmark (issue 19), not a test: the first load of every main console page in Debian's
// Chromium, with 10,000 incidents and 100,000 runs in the database. "First load": a new browser
// context (empty cache) per load, from navigation start to the load event — the HTML, the
// stylesheet and the script. Goal: under 300 ms; each page's HTML + CSS + JS under 200 KB.
const LOADS = Number(process.env.BENCH_CONSOLE_LOADS ?? 7);
const GOAL_MS = 300;
const BUDGET_BYTES = 200 * 1024;

interface PageFigure {
  page: string;
  role: string;
  medianMs: number;
  maxMs: number;
  serverMedianMs: number;
  bytes: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const round = (value: number) => Math.round(value * 10) / 10;

function pages(data: SeededConsoleData) {
  return [
    { role: 'oncall', path: '/console/alerts', name: 'inbox' },
    { role: 'oncall', path: `/console/alerts/${data.alertId}`, name: 'incident' },
    { role: 'oncall', path: '/console/alerts?status=resolved', name: 'resolved incidents' },
    { role: 'ml', path: '/console/plans', name: 'plans' },
    { role: 'ml', path: `/console/plans/${data.planId}`, name: 'plan' },
    { role: 'ml', path: '/console/runs', name: 'runs' },
    { role: 'ml', path: `/console/runs/${data.runIds[1]}`, name: 'run' },
    { role: 'ml', path: '/console/models', name: 'models' },
    { role: 'customer', path: '/console/slices', name: 'slices' },
    { role: 'customer', path: '/console/plans', name: "customer's plans" },
    { role: 'customer', path: '/console/upload', name: 'upload' },
  ] as const;
}

async function main(): Promise<void> {
  const pg = await startBenchPostgres();
  const adminKey = `lm_bench_${randomBytes(12).toString('hex')}`;
  let api: ServiceProcess | undefined;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-sync'],
  });
  try {
    const dataSource = createDataSource({ url: pg.url, poolSize: 2 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    await dataSource.destroy();
    const started = Date.now();
    const data = await seedConsoleData(pg);
    console.error(
      `seeded ${data.runs} runs and ${data.alerts} alerts in ${(Date.now() - started) / 1000} s`,
    );
    // The port is chosen just before the service takes it (seeding takes half a minute).
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    api = await startService({
      role: 'api',
      name: 'bench-console',
      env: {
        DATABASE_URL: pg.url,
        HOST: '127.0.0.1',
        PORT: String(port),
        LASTMILE_ADMIN_KEY: adminKey,
        LASTMILE_RATE_LIMIT_PER_MINUTE: '100000',
        LOG_LEVEL: 'warn',
      },
    });
    const key = async (role: string) => {
      const response = await fetch(`${base}/v1/keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ role, ...(role === 'customer' ? { tenant: data.tenantSlug } : {}) }),
      });
      return ((await response.json()) as { key: string }).key;
    };
    const keys: Record<string, string> = {
      oncall: await key('oncall'),
      ml: await key('ml'),
      customer: await key('customer'),
    };
    const figures: PageFigure[] = [];
    for (const target of pages(data)) {
      const loads: number[] = [];
      const server: number[] = [];
      let bytes = 0;
      for (let i = 0; i <= LOADS; i++) {
        // A new context per load: no cache, no connection kept alive; signed in through the form.
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${base}/console/sign-in#key=${encodeURIComponent(keys[target.role])}`);
        await page.click('#sign-in button[type=submit]');
        await page.waitForURL((url) => !url.pathname.startsWith('/console/sign-in'));
        await context.clearCookies({ name: 'lastmile_signin' });
        const fresh = await context.newPage();
        await page.close();
        let size = 0;
        fresh.on('response', (response) => {
          void response.body().then(
            (body) => (size += body.length),
            () => undefined,
          );
        });
        await fresh.goto(`${base}${target.path}`, { waitUntil: 'load' });
        // Navigation Timing, read in the page (the project compiles without DOM types).
        const timing = (await fresh.evaluate(`(() => {
          const entry = performance.getEntriesByType('navigation')[0];
          return { load: entry.loadEventEnd - entry.startTime, server: entry.responseEnd - entry.requestStart };
        })()`)) as { load: number; server: number };
        await new Promise((resolve) => setTimeout(resolve, 50));
        // The first load warms the API process (JIT, caches, pool): reported apart, not counted.
        if (i > 0) {
          loads.push(timing.load);
          server.push(timing.server);
        }
        bytes = size;
        await context.close();
      }
      figures.push({
        page: target.name,
        role: target.role,
        medianMs: round(median(loads)),
        maxMs: round(Math.max(...loads)),
        serverMedianMs: round(median(server)),
        bytes,
      });
      console.error(`${target.name}: median ${round(median(loads))} ms`);
    }
    console.log(
      `\nConsole first loads in Chromium (${LOADS} loads each, new context each; ${data.runs} runs, ${data.alerts} incidents)\n`,
    );
    console.log(
      formatTable(
        ['page', 'role', 'median ms', 'max ms', 'HTML ms (server)', 'bytes', 'goal'],
        figures.map((f) => [
          f.page,
          f.role,
          f.medianMs,
          f.maxMs,
          f.serverMedianMs,
          f.bytes,
          f.medianMs < GOAL_MS && f.bytes < BUDGET_BYTES ? 'met' : 'MISSED',
        ]),
      ),
    );
    console.log(`\nresults: ${writeResults('console', { loads: LOADS, data, figures })}`);
  } catch (error) {
    if (api) console.error(`API log (last lines):\n${api.tail()}`);
    throw error;
  } finally {
    await browser.close();
    await api?.stop();
    await pg.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
