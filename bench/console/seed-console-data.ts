import type { BenchPostgres } from '../support/bench-postgres';

export interface SeededConsoleData {
  tenantSlug: string;
  planId: string;
  alertId: string;
  runIds: [string, string];
  runs: number;
  alerts: number;
}

const RUNS = 100_000;
const PLANS = 20;
const ALERTS = 10_000;
const NAMES = ['exact_match', 'quasi_exact_match', 'f1'];

/**
 * The scale of the console's goal, seeded in bulk: 100,000 runs of 20 plans of one tenant over a
 * year (three overall metrics each), 10,000 incidents (10% open, 10% acknowledged), each with a
 * drift evidence, and twelve findings on the newest one.
 */
export async function seedConsoleData(pg: BenchPostgres): Promise<SeededConsoleData> {
  const run = (sql: string, params?: unknown[]) => pg.query(sql, params);
  const [tenant] = await run(
    `INSERT INTO tenants (slug, name) VALUES ('bench-ward', 'Bench Ward') RETURNING id, slug`,
  );
  const [model] = await run(
    `INSERT INTO models (name, version, modality, adapter, adapter_hash) VALUES ('bench-console', 'v1', 'text', '{"kind":"openai-chat"}', 'h') RETURNING id`,
  );
  const [scenario] = await run(
    `INSERT INTO scenarios (name, kind, config) VALUES ('bench-console', 'qa', '{}') RETURNING id`,
  );
  await run(
    `INSERT INTO slices (tenant_id, name, version, content_hash, modality, item_count, attributes)
     SELECT $1, 'bench-slice-' || i, 1, md5(i::text), 'text', 1000, '{"topic":["a","b","c"]}'
       FROM generate_series(1, $2) AS i`,
    [tenant.id, PLANS],
  );
  await run(
    `INSERT INTO plans (name, model_id, scenario_id, slice_ids, tenant_id, enabled, cron, baseline_policy, alert_policy)
     SELECT 'bench-plan-' || s.name, $1, $2, ARRAY[s.id], $3, false, '0 * * * *', '{"kind":"first_n","n":3}', '{"alpha":0.05,"minEffect":0.02}'
       FROM slices s WHERE s.tenant_id = $3`,
    [model.id, scenario.id, tenant.id],
  );
  await run(
    `INSERT INTO runs (plan_id, model_id, scenario_id, tenant_id, status, trigger, total, done, queued_at, started_at, finished_at, provenance)
     SELECT p.id, $1, $2, $3, 'succeeded', 'schedule', 1000, 1000, t, t, t + interval '2 minutes',
            jsonb_build_object('sliceHashes', jsonb_build_object(p.slice_ids[1]::text, 'h'), 'modelSpecHash', 'm', 'seed', 0)
       FROM generate_series(0, $4 - 1) AS i
       JOIN LATERAL (SELECT id, slice_ids FROM plans ORDER BY name OFFSET i % $5 LIMIT 1) p ON true
       CROSS JOIN LATERAL (SELECT now() - (($4 - i) * interval '315 seconds') AS t) times`,
    [model.id, scenario.id, tenant.id, RUNS, PLANS],
  );
  await run(
    `INSERT INTO metrics (run_id, plan_id, model_id, slice_id, subgroup, name, value, ci_low, ci_high, n, at)
     SELECT r.id, r.plan_id, r.model_id, p.slice_ids[1], 'all', m.name, v.value, v.value - 0.03, v.value + 0.03, 1000, r.finished_at
       FROM runs r JOIN plans p ON p.id = r.plan_id
      CROSS JOIN unnest($1::text[]) AS m(name)
      CROSS JOIN LATERAL (SELECT 0.6 + random() * 0.3 AS value) v`,
    [NAMES],
  );
  const evidence = (subgroup: string) => ({
    kind: 'drift',
    metric: 'exact_match',
    subgroup,
    direction: 'higher_is_better',
    baseline: {
      value: 0.81,
      interval: [0.78, 0.84],
      runIds: ['r1', 'r2', 'r3'],
      otherVersion: false,
    },
    current: { value: 0.74, interval: [0.71, 0.77], n: 1000 },
    delta: -0.07,
    deltaInterval: [-0.1, -0.04],
    test: 'mcnemar-exact',
    paired: true,
    pValue: 0.0004,
    qValue: 0.002,
    worstItems: Array.from({ length: 5 }, (_, i) => ({
      itemId: `q${i}`,
      baseline: 1,
      current: 0,
      contribution: 0.001,
      input: `question ${i}?`,
      references: [`answer ${i}`],
      responses: ['I do not know'],
      stats: [],
    })),
    links: { report: '/v1/runs/x/report', dashboard: null },
  });
  await run(
    `INSERT INTO alerts (dedup_key, type, status, severity, plan_id, model_id, tenant_id, slice_id, subgroup, metric, title, evidence,
                         last_run_id, seen_count, opened_at, last_seen_at, acknowledged_at, resolved_at)
     SELECT 'bench:' || i, 'drift', st.status, (ARRAY['info','warning','critical'])[i % 3 + 1], p.id, $1, $2, p.slice_ids[1],
            'topic=' || (ARRAY['a','b','c'])[i % 3 + 1], 'exact_match', 'exact_match worse on bench slice ' || i, $3::jsonb,
            NULL, 1 + i % 5, t, t + interval '1 hour',
            CASE WHEN st.status <> 'open' THEN t + interval '30 minutes' END, CASE WHEN st.status = 'resolved' THEN t + interval '2 hours' END
       FROM generate_series(0, $4 - 1) AS i
       JOIN LATERAL (SELECT id, slice_ids FROM plans ORDER BY name OFFSET i % 20 LIMIT 1) p ON true
      CROSS JOIN LATERAL (SELECT CASE WHEN i % 10 = 0 THEN 'open' WHEN i % 10 = 1 THEN 'acknowledged' ELSE 'resolved' END AS status,
                                 now() - (($4 - i) * interval '50 minutes') AS t) st`,
    [model.id, tenant.id, JSON.stringify(evidence('all')), ALERTS],
  );
  const [newest] = await run(
    `SELECT id, plan_id FROM alerts WHERE status = 'open' ORDER BY last_seen_at DESC LIMIT 1`,
  );
  const [latestRun] = await run(
    `SELECT id FROM runs WHERE plan_id = $1 ORDER BY queued_at DESC LIMIT 2`,
    [newest.plan_id],
  );
  await run(
    `INSERT INTO findings (alert_id, run_id, kind, metric, subgroup, severity, title, test, p_value, q_value, effect, rank, evidence)
     SELECT $1, $2, 'drift', (ARRAY['exact_match','quasi_exact_match','f1'])[i % 3 + 1], 'topic=' || (ARRAY['a','b','c','d'])[i % 4 + 1],
            'critical', 'finding ' || i, 'mcnemar-exact', 0.0004, 0.002, 0.07, i + 1, $3::jsonb
       FROM generate_series(0, 11) AS i`,
    [newest.id, latestRun.id, JSON.stringify(evidence('topic=a'))],
  );
  await run(`INSERT INTO alert_events (alert_id, event, run_id) VALUES ($1, 'opened', $2)`, [
    newest.id,
    latestRun.id,
  ]);
  await run('VACUUM (ANALYZE)');
  await run('CHECKPOINT');
  const pair = await run(`SELECT id FROM runs WHERE plan_id = $1 ORDER BY queued_at DESC LIMIT 2`, [
    newest.plan_id,
  ]);
  const [{ n: runs }] = await run('SELECT count(*)::int AS n FROM runs');
  const [{ n: alerts }] = await run('SELECT count(*)::int AS n FROM alerts');
  return {
    tenantSlug: String(tenant.slug),
    planId: String(newest.plan_id),
    alertId: String(newest.id),
    runIds: [String(pair[1].id), String(pair[0].id)],
    runs: Number(runs),
    alerts: Number(alerts),
  };
}
