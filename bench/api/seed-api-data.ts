import type { BenchPostgres } from '../support/bench-postgres';

export interface SeededApiData {
  runIds: string[];
  planIds: string[];
  metrics: number;
  alerts: number;
}

const RUNS = 10_000;
const PLANS = 20;
/** 25 subgroups × 4 metric names = 100 metric rows per run; 10,000 runs = 1,000,000 rows. */
const SUBGROUPS = 25;
const NAMES = ['exact_match', 'quasi_exact_match', 'f1', 'wer'];
const ALERTS = 10_000;

/** Bulk seed with generate_series: 1,000,000 metric rows over 10,000 runs of 20 plans, and 10,000 alerts. */
export async function seedApiData(pg: BenchPostgres): Promise<SeededApiData> {
  const run = (sql: string, params?: unknown[]) => pg.query(sql, params);
  const [model] = await run(
    `INSERT INTO models (name, version, modality, adapter, adapter_hash) VALUES ('bench-api', 'v1', 'text', '{"kind":"openai-chat"}', 'h') RETURNING id`,
  );
  const [scenario] = await run(
    `INSERT INTO scenarios (name, kind, config) VALUES ('bench-api', 'qa', '{}') RETURNING id`,
  );
  await run(
    `INSERT INTO slices (name, version, content_hash, modality, item_count)
     SELECT 'bench-api-' || i, 1, md5(i::text), 'text', 1000 FROM generate_series(1, $1) AS i`,
    [PLANS],
  );
  await run(
    `INSERT INTO plans (name, model_id, scenario_id, slice_ids, enabled, baseline_policy, alert_policy)
     SELECT 'bench-api-' || s.name, $1, $2, ARRAY[s.id], false, '{"kind":"first_n","n":1}', '{"alpha":0.05,"minEffect":0.02}'
     FROM slices s WHERE s.name LIKE 'bench-api-%'`,
    [model.id, scenario.id],
  );
  // Runs spread over 90 days, one every ~13 minutes, round-robin over the plans.
  await run(
    `INSERT INTO runs (plan_id, model_id, scenario_id, status, trigger, total, done, queued_at, started_at, finished_at)
     SELECT p.id, $1, $2, 'succeeded', 'schedule', 1000, 1000, t, t, t + interval '2 minutes'
     FROM generate_series(0, $3 - 1) AS i
     JOIN LATERAL (SELECT id FROM plans ORDER BY name OFFSET i % $4 LIMIT 1) p ON true
     CROSS JOIN LATERAL (SELECT now() - (($3 - i) * interval '777 seconds') AS t) times`,
    [model.id, scenario.id, RUNS, PLANS],
  );
  await run(
    `INSERT INTO metrics (run_id, plan_id, model_id, slice_id, subgroup, name, value, ci_low, ci_high, n, at)
     SELECT r.id, r.plan_id, r.model_id, p.slice_ids[1], g.subgroup, m.name, v.value, v.value - 0.03, v.value + 0.03, 1000, r.finished_at
     FROM runs r JOIN plans p ON p.id = r.plan_id
     CROSS JOIN (SELECT CASE WHEN i = 0 THEN 'all' ELSE 'accent=a' || i END AS subgroup FROM generate_series(0, $1 - 1) AS i) g
     CROSS JOIN unnest($2::text[]) AS m(name)
     CROSS JOIN LATERAL (SELECT 0.6 + random() * 0.3 AS value) v`,
    [SUBGROUPS, NAMES],
  );
  // 10% open, 10% acknowledged, 80% resolved: the history an on-call list filters through.
  await run(
    `INSERT INTO alerts (dedup_key, type, status, severity, plan_id, model_id, slice_id, subgroup, metric, title, evidence,
                         last_run_id, seen_count, opened_at, last_seen_at, acknowledged_at, resolved_at)
     SELECT 'bench:' || i, 'drift', st.status, (ARRAY['info','warning','critical'])[i % 3 + 1], p.id, $1, p.slice_ids[1],
            'accent=a' || (i % 24 + 1), (ARRAY['exact_match','f1','wer'])[i % 3 + 1], 'exact_match dropped on accent=a' || (i % 24 + 1),
            jsonb_build_object('baseline', 0.81, 'current', 0.74, 'delta', -0.07, 'pValue', 0.001, 'qValue', 0.004, 'n', 400,
                               'worstItems', jsonb_build_array('q1', 'q2', 'q3', 'q4', 'q5')),
            NULL, 1 + i % 5, t, t + interval '1 hour',
            CASE WHEN st.status <> 'open' THEN t + interval '30 minutes' END, CASE WHEN st.status = 'resolved' THEN t + interval '2 hours' END
     FROM generate_series(0, $2 - 1) AS i
     JOIN LATERAL (SELECT id, slice_ids FROM plans ORDER BY name OFFSET i % 20 LIMIT 1) p ON true
     CROSS JOIN LATERAL (SELECT CASE WHEN i % 10 = 0 THEN 'open' WHEN i % 10 = 1 THEN 'acknowledged' ELSE 'resolved' END AS status,
                                now() - (($2 - i) * interval '11 minutes') AS t) st`,
    [model.id, ALERTS],
  );
  // Settle the bulk load as autovacuum and the checkpointer would (visibility map, hint bits, dirty
  // pages flushed), so the first endpoint is not measured against that background work.
  await run('VACUUM (ANALYZE)');
  await run('CHECKPOINT');
  const runIds = (await run('SELECT id FROM runs ORDER BY queued_at')).map((r) => String(r.id));
  const planIds = (await run('SELECT id FROM plans ORDER BY name')).map((r) => String(r.id));
  const [{ n: metrics }] = await run('SELECT count(*)::int AS n FROM metrics');
  const [{ n: alerts }] = await run('SELECT count(*)::int AS n FROM alerts');
  return { runIds, planIds, metrics: Number(metrics), alerts: Number(alerts) };
}
