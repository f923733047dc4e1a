import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { generateDashboards } from '../../dashboards/src';
import { allPanels, readDashboards, type DashboardJson } from './support/dashboard-json';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const CHECKED_IN = join(REPO_ROOT, 'dashboards', 'generated');
// The metrics api and runner expose (see the runner-health dashboard).
const PROMETHEUS_METRICS = [
  'lastmile_queue_depth',
  'lastmile_run_duration_seconds',
  'lastmile_model_call_duration_seconds',
  'lastmile_model_call_errors_total',
  'lastmile_notification_failures_total',
  'lastmile_http_request_duration_seconds',
];

async function listFiles(dir: string, root = dir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory() ? listFiles(join(dir, e.name), root) : [relative(root, join(dir, e.name))],
    ),
  );
  return nested.flat().sort();
}

/** Template variables a string refers to: $name, ${name...}, [[name]]; built-ins excluded. */
function referencedVariables(text: string): string[] {
  const names = [...text.matchAll(/\$(\w+)|\[\[(\w+)|\$\{(\w+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  return names.filter((name) => !name.startsWith('__'));
}

describe('generated dashboards and provisioning', () => {
  let outDir: string;
  let boards: DashboardJson[];
  let datasources: { apiVersion: number; datasources: Record<string, unknown>[] };
  let providers: { apiVersion: number; providers: Record<string, unknown>[] };

  before(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'lastmile-dashboards-'));
    await generateDashboards(outDir);
    boards = await readDashboards(join(outDir, 'dashboards'));
    datasources = parse(
      await readFile(join(outDir, 'provisioning/datasources/lastmile.yaml'), 'utf8'),
    );
    providers = parse(
      await readFile(join(outDir, 'provisioning/dashboards/lastmile.yaml'), 'utf8'),
    );
  });
  after(() => rm(outDir, { recursive: true, force: true }));

  it('names each dashboard file after its fixed, unique uid', async () => {
    assert.deepEqual(await readdir(join(outDir, 'dashboards')).then((f) => f.sort()), [
      'lastmile-alerts.json',
      'lastmile-customer-slice.json',
      'lastmile-overview.json',
      'lastmile-runner-health.json',
    ]);
    assert.deepEqual(
      boards.map((b) => `${b.uid}.json`),
      (await readdir(join(outDir, 'dashboards'))).sort(),
    );
  });

  it('matches the output checked in under dashboards/generated (run `npm run dashboards`)', async () => {
    const generated = await listFiles(outDir);
    assert.deepEqual(await listFiles(CHECKED_IN), generated);
    for (const file of generated) {
      const [fresh, committed] = await Promise.all([
        readFile(join(outDir, file), 'utf8'),
        readFile(join(CHECKED_IN, file), 'utf8'),
      ]);
      assert.equal(committed, fresh, `${file} is stale`);
    }
  });

  it('gives every panel a provisioned datasource, and every target the same one', () => {
    const uids = datasources.datasources.map((d) => d.uid);
    for (const board of boards) {
      for (const panel of allPanels(board).filter((p) => p.type !== 'row')) {
        const where = `${board.uid} / ${panel.title}`;
        assert.ok(
          uids.includes(panel.datasource?.uid),
          `${where}: datasource ${panel.datasource?.uid}`,
        );
        assert.ok(panel.targets?.length, `${where}: no targets`);
        for (const target of panel.targets ?? [])
          assert.deepEqual(target.datasource, panel.datasource, where);
        const refIds = panel.targets?.map((t) => t.refId) ?? [];
        assert.equal(new Set(refIds).size, refIds.length, `${where}: duplicate refIds`);
      }
    }
  });

  it('numbers panels uniquely, titles them uniquely and keeps them within the 24-column grid', () => {
    for (const board of boards) {
      const panels = allPanels(board);
      const ids = panels.map((p) => p.id);
      assert.ok(
        ids.every((id) => Number.isInteger(id) && id! > 0),
        board.uid,
      );
      assert.equal(new Set(ids).size, ids.length, `${board.uid}: duplicate panel ids`);
      const titles = panels.filter((p) => p.type !== 'row').map((p) => p.title);
      assert.equal(new Set(titles).size, titles.length, `${board.uid}: duplicate panel titles`);
      for (const panel of panels) {
        const grid = (panel as { gridPos?: { x: number; w: number } }).gridPos;
        assert.ok(grid && grid.x + grid.w <= 24, `${board.uid} / ${panel.title}: gridPos`);
      }
    }
  });

  it('refers only to variables the dashboard defines, and repeats only over multi-value ones', () => {
    for (const board of boards) {
      const variables = board.templating?.list ?? [];
      const defined = variables.map((v) => v.name);
      const texts = [
        ...allPanels(board).flatMap((p) => [
          p.title ?? '',
          ...(p.targets ?? []).map((t) => t.rawSql ?? t.expr ?? ''),
        ]),
        ...variables.map((v) => String(v.query)),
        ...(board.annotations?.list ?? []).map((a) => a.target?.rawSql ?? ''),
      ];
      for (const name of texts.flatMap(referencedVariables)) {
        assert.ok(defined.includes(name), `${board.uid}: $${name} is not defined`);
      }
      for (const panel of allPanels(board).filter((p) => p.repeat)) {
        const variable = variables.find((v) => v.name === panel.repeat);
        assert.ok(variable?.multi && variable.includeAll, `${board.uid} / ${panel.title}: repeat`);
      }
    }
  });

  it('queries only the Prometheus metrics the services expose', () => {
    const runnerHealth = boards.find((b) => b.uid === 'lastmile-runner-health')!;
    const exprs = allPanels(runnerHealth).flatMap((p) =>
      (p.targets ?? []).map((t) => t.expr ?? ''),
    );
    assert.ok(exprs.length >= 10);
    for (const expr of exprs) {
      const names = [...expr.matchAll(/lastmile_\w+/g)].map((m) =>
        m[0].replace(/_(bucket|count|sum)$/, ''),
      );
      assert.ok(names.length > 0, expr);
      for (const name of names) assert.ok(PROMETHEUS_METRICS.includes(name), `${name} in ${expr}`);
    }
  });

  it('provisions PostgreSQL as lastmile_grafana with the password from the environment', () => {
    assert.equal(datasources.apiVersion, 1);
    const postgres = datasources.datasources.find(
      (d) => d.type === 'grafana-postgresql-datasource',
    );
    assert.deepEqual(
      {
        uid: postgres?.uid,
        url: postgres?.url,
        user: postgres?.user,
        database: (postgres?.jsonData as Record<string, unknown>).database,
        password: (postgres?.secureJsonData as Record<string, unknown>).password,
      },
      {
        uid: 'lastmile-postgres',
        url: 'postgres:5432',
        user: 'lastmile_grafana',
        database: 'lastmile',
        password: '$GRAFANA_DB_PASSWORD',
      },
    );
  });

  it('ships the role SQL verbatim in the init script, with the password from the environment', async () => {
    const [script, sql] = await Promise.all([
      readFile(join(outDir, 'provisioning/readonly-role.sh'), 'utf8'),
      readFile(join(REPO_ROOT, 'dashboards/provisioning/readonly-role.sql'), 'utf8'),
    ]);
    assert.ok(script.startsWith('#!/bin/sh\n'));
    assert.ok(script.includes(`<<'SQL'\n`) && script.includes(`${sql.trimEnd()}\nSQL\n`));
    assert.match(script, /-v password="\$GRAFANA_DB_PASSWORD"/);
    assert.match(script, /set_config\('lastmile.grafana_password', :'password', false\)/);
  });

  it('provisions a file provider reading the folder docker-compose mounts', () => {
    assert.equal(providers.apiVersion, 1);
    assert.deepEqual(
      providers.providers.map((p) => [p.type, (p.options as Record<string, unknown>).path]),
      [['file', '/var/lib/grafana/dashboards']],
    );
  });
});
