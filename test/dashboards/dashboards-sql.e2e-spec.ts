import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, runMigrations } from '@lastmile/persistence';
import { generateDashboards } from '../../dashboards/src';
import { seedMonitoringData, type MonitoringSeed } from '../factories/seed-monitoring-data';
import { createTestDatabase } from '../support/database';
import {
  allPanels,
  isPostgres,
  readDashboards,
  type DashboardJson,
} from './support/dashboard-json';
import { resolveVariables, type TimeContext } from './support/dashboard-variables';
import { expandGrafanaSql } from './support/grafana-macros';
import { panelSql, runDashboardQueries } from './support/panel-queries';
import { variableProblems } from './support/query-shape';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const DAY_MS = 86_400_000;
const SQL_DASHBOARDS = ['lastmile-overview', 'lastmile-customer-slice', 'lastmile-alerts'];

describe('dashboard SQL on a seeded database, as the read-only Grafana role', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let grafana: Client;
  let seed: MonitoringSeed;
  let outDir: string;
  let written: string[];
  let boards: DashboardJson[];
  let time: TimeContext;

  before(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource({ url: database.url, poolSize: 2 });
    await dataSource.initialize();
    const password = randomBytes(12).toString('hex');
    const roleSql = await readFile(
      join(REPO_ROOT, 'dashboards/provisioning/readonly-role.sql'),
      'utf8',
    );
    // As at a container's first start: the role is created before any table exists ...
    await dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('lastmile.grafana_password', $1, true)`, [password]);
      await manager.query(roleSql);
    });
    await runMigrations(dataSource);
    seed = await seedMonitoringData(dataSource);
    // ... and granted its tables when the SQL runs again after migrations, without the password.
    await dataSource.query(roleSql);
    const url = new URL(database.url);
    url.username = 'lastmile_grafana';
    url.password = password;
    grafana = new Client({ connectionString: url.toString() });
    await grafana.connect();

    outDir = await mkdtemp(join(tmpdir(), 'lastmile-dashboards-'));
    written = await generateDashboards(outDir);
    boards = await readDashboards(join(outDir, 'dashboards'));
    const from = new Date(seed.start.getTime() - DAY_MS);
    time = {
      from,
      to: new Date(seed.start.getTime() + (seed.days + 1) * DAY_MS),
      intervalMs: 3_600_000,
    };
  });

  after(async () => {
    await grafana?.end();
    await dataSource?.destroy();
    await database?.drop();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  const board = (uid: string) => boards.find((b) => b.uid === uid)!;

  it('writes the four dashboards, the provisioning files and the role init script', () => {
    assert.deepEqual(written.map((path) => path.slice(outDir.length + 1)).sort(), [
      'dashboards/lastmile-alerts.json',
      'dashboards/lastmile-customer-slice.json',
      'dashboards/lastmile-overview.json',
      'dashboards/lastmile-runner-health.json',
      'provisioning/dashboards/lastmile.yaml',
      'provisioning/datasources/lastmile.yaml',
      'provisioning/readonly-role.sh',
    ]);
  });

  it('covers every dashboard that has PostgreSQL queries', () => {
    const withSql = boards.filter(
      (b) =>
        allPanels(b).some((p) => p.targets?.some((t) => isPostgres(t.datasource))) ||
        b.templating?.list?.some((v) => isPostgres(v.datasource)),
    );
    assert.deepEqual(withSql.map((b) => b.uid).sort(), [...SQL_DASHBOARDS].sort());
  });

  for (const uid of SQL_DASHBOARDS) {
    it(`runs every variable, panel and annotation query of ${uid} with the columns its panels expect`, async () => {
      const { variables, queries } = await resolveVariables(board(uid), grafana, time);
      const problems = queries.flatMap(({ name, result }) => [
        ...variableProblems(result).map((p) => `variable $${name}: ${p}`),
        ...(result.rowCount ? [] : [`variable $${name}: no options`]),
      ]);
      const runs = await runDashboardQueries(board(uid), grafana, time, variables);
      problems.push(...runs.flatMap((r) => r.problems.map((p) => `${r.where}: ${p}\n${r.sql}`)));
      assert.deepEqual(problems, []);
      assert.ok(runs.length >= 5, `only ${runs.length} queries ran`);
    });
  }

  const query = async (uid: string, title: string, chosen: Record<string, string> = {}) => {
    const { variables } = await resolveVariables(board(uid), grafana, time, chosen);
    const sql = expandGrafanaSql(panelSql(board(uid), title), { ...time, variables });
    return (await grafana.query(sql)).rows;
  };
  const round = (x: unknown) => Math.round(Number(x) * 1e6) / 1e6;

  it('shows the latest WER against the mean of the first three runs (Overview)', async () => {
    const rows = await query('lastmile-overview', 'Latest value against baseline');
    const row = rows.find(
      (r) => r.model === 'whisper-small v1' && r.slice === 'call-recordings' && r.metric === 'wer',
    );
    // Day 9 WER 0.15; baseline mean(0.15, 0.16, 0.17) = 0.16.
    assert.deepEqual([row?.value, row?.baseline, row?.delta].map(round), [0.15, 0.16, -0.01]);
  });

  it('shows the fairness gap across accents jump when Scottish accents drift (Customer slice)', async () => {
    const rows = await query('lastmile-customer-slice', 'Fairness gap', { metric: 'wer' });
    const accentV1 = rows
      .filter((r) => r.metric === 'accent gap · whisper-small v1')
      .map((r) => round(r.value));
    // Groups sit 0, +0.03, +0.06 above the slice; Scottish gains 0.12 on the last two days.
    assert.deepEqual(accentV1, [0.06, 0.06, 0.06, 0.06, 0.06, 0.06, 0.06, 0.06, 0.15, 0.15]);
    const noiseV2 = rows
      .filter((r) => r.metric === 'noise gap · whisper-small v2')
      .map((r) => round(r.value));
    assert.deepEqual(noiseV2, Array(10).fill(0.03));
  });

  it('summarises time to acknowledge as median and 90th percentile (Alerts)', async () => {
    const [row] = await query('lastmile-alerts', 'Time to acknowledge');
    // Acknowledged after 10 and 25 minutes: median 1050 s, p90 600 + 0.9 × 900 = 1410 s.
    assert.deepEqual([row.median, row.p90].map(round), [1050, 1410]);
    const [counts] = await query('lastmile-alerts', 'Unresolved alerts');
    assert.deepEqual([Number(counts.open), Number(counts.acknowledged)], [1, 1]);
  });

  it('gives the Grafana role no customer content, no key hashes and no writes', async () => {
    for (const table of ['slice_items', 'instance_results', 'api_keys', 'audit_log']) {
      await assert.rejects(grafana.query(`SELECT 1 FROM ${table}`), /permission denied/, table);
    }
    await assert.rejects(grafana.query(`DELETE FROM alerts`), /read-only transaction/);
    await grafana.query('SET default_transaction_read_only = off');
    await assert.rejects(
      grafana.query(`UPDATE alerts SET status = 'resolved'`),
      /permission denied/,
    );
    await assert.rejects(grafana.query('CREATE TABLE scratch (x int)'), /permission denied/);
    await grafana.query('SET default_transaction_read_only = on');
  });
});
