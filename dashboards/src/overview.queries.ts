// SQL of the Overview dashboard. A "series" is one plan × slice × metric on the whole slice.

const METRIC_SERIES_KEY = `m.plan_id::text || '|' || m.slice_id::text || '|' || m.name`;
const BASELINE_SERIES_KEY = `b.plan_id::text || '|' || b.slice_id::text || '|' || b.metric`;

export const MODEL_OPTIONS = `SELECT mo.name || ' ' || mo.version AS __text, mo.id::text AS __value
FROM models mo
ORDER BY mo.name, mo.version`;

export const SCENARIO_OPTIONS = `SELECT sc.name AS __text, sc.id::text AS __value
FROM scenarios sc
ORDER BY sc.name`;

export const METRIC_OPTIONS = `SELECT DISTINCT m.name
FROM metrics m
JOIN runs r ON r.id = m.run_id
WHERE $__timeFilter(m.at) AND m.model_id IN ($model) AND r.scenario_id IN ($scenario)
ORDER BY m.name`;

export const SERIES_OPTIONS = `SELECT DISTINCT
  mo.name || ' ' || mo.version || ' · ' || sc.name || ' · ' || sl.name || ' · ' || m.name AS __text,
  ${METRIC_SERIES_KEY} AS __value
FROM metrics m
JOIN plans p ON p.id = m.plan_id
JOIN models mo ON mo.id = p.model_id
JOIN scenarios sc ON sc.id = p.scenario_id
JOIN slices sl ON sl.id = m.slice_id
WHERE m.subgroup = 'all' AND $__timeFilter(m.at)
  AND p.model_id IN ($model) AND p.scenario_id IN ($scenario) AND m.name IN ($metric)
ORDER BY 1`;

export const SERIES_VALUES = `SELECT m.at AS "time", m.value, m.ci_low, m.ci_high
FROM metrics m
WHERE $__timeFilter(m.at) AND m.subgroup = 'all' AND (${METRIC_SERIES_KEY}) IN ($series)
ORDER BY 1`;

// The current baseline drawn flat across the time range: one row at each end.
export const SERIES_BASELINE = `SELECT t."time", b.value AS baseline, b.ci_low AS baseline_low, b.ci_high AS baseline_high
FROM (
  SELECT DISTINCT ON (b.plan_id, b.slice_id, b.metric) b.value, b.ci_low, b.ci_high
  FROM baselines b
  WHERE b.subgroup = 'all' AND (${BASELINE_SERIES_KEY}) IN ($series)
  ORDER BY b.plan_id, b.slice_id, b.metric, b.updated_at DESC
) b
CROSS JOIN (VALUES ($__timeFrom()::timestamptz), ($__timeTo()::timestamptz)) AS t("time")
ORDER BY 1`;

export const LATEST_VS_BASELINE = `SELECT model, scenario, slice, metric, value, ci_low, ci_high, n, baseline, delta, measured_at
FROM (
  SELECT DISTINCT ON (m.plan_id, m.slice_id, m.name)
    mo.name || ' ' || mo.version AS model, sc.name AS scenario, sl.name AS slice, m.name AS metric,
    m.value, m.ci_low, m.ci_high, m.n, b.value AS baseline, m.value - b.value AS delta, m.at AS measured_at
  FROM metrics m
  JOIN plans p ON p.id = m.plan_id
  JOIN models mo ON mo.id = p.model_id
  JOIN scenarios sc ON sc.id = p.scenario_id
  JOIN slices sl ON sl.id = m.slice_id
  LEFT JOIN LATERAL (
    SELECT b.value FROM baselines b
    WHERE b.plan_id = m.plan_id AND b.slice_id = m.slice_id AND b.subgroup = m.subgroup AND b.metric = m.name
    ORDER BY b.updated_at DESC
    LIMIT 1
  ) b ON true
  WHERE m.subgroup = 'all' AND $__timeFilter(m.at)
    AND p.model_id IN ($model) AND p.scenario_id IN ($scenario) AND m.name IN ($metric)
  ORDER BY m.plan_id, m.slice_id, m.name, m.at DESC
) latest
ORDER BY model, scenario, slice, metric`;

export const ALERT_COUNTS = `SELECT count(*) FILTER (WHERE a.status = 'open') AS "open",
  count(*) FILTER (WHERE a.status = 'acknowledged') AS acknowledged
FROM alerts a
JOIN plans p ON p.id = a.plan_id
WHERE a.status <> 'resolved' AND a.model_id IN ($model) AND p.scenario_id IN ($scenario)`;

export const RUN_OUTCOMES = `SELECT count(*) FILTER (WHERE r.status = 'succeeded') AS succeeded,
  count(*) FILTER (WHERE r.status = 'partial') AS "partial",
  count(*) FILTER (WHERE r.status = 'failed') AS failed
FROM runs r
WHERE $__timeFilter(r.queued_at) AND r.model_id IN ($model) AND r.scenario_id IN ($scenario)`;

export const OPEN_ALERTS = `SELECT a.opened_at AS opened, a.severity, a.status, a.title,
  mo.name || ' ' || mo.version AS model, a.metric, a.subgroup, a.seen_count AS seen,
  extract(epoch FROM now() - a.opened_at) AS open_for
FROM alerts a
JOIN models mo ON mo.id = a.model_id
JOIN plans p ON p.id = a.plan_id
WHERE a.status <> 'resolved' AND a.model_id IN ($model) AND p.scenario_id IN ($scenario)
ORDER BY array_position(ARRAY['critical', 'warning', 'info'], a.severity), a.opened_at`;

export const ALERT_ANNOTATIONS = `SELECT a.opened_at AS "time", a.resolved_at AS timeend, a.title AS text,
  a.severity || ',' || a.metric AS tags
FROM alerts a
WHERE $__timeFilter(a.opened_at) AND a.model_id IN ($model)
ORDER BY 1`;
