// SQL of the Customer slice dashboard: one tenant's slice, one metric, broken down by attribute.
// Subgroups are 'all' or 'attribute=value'; the attribute is the part before the first '='.

const ON_SLICE = `m.slice_id = '$slice' AND m.name = '$metric' AND m.model_id IN ($model)`;
const MODEL_LABEL = `mo.name || ' ' || mo.version`;

export const TENANT_OPTIONS = `SELECT t.name AS __text, t.id::text AS __value
FROM tenants t
ORDER BY t.name`;

export const SLICE_OPTIONS = `SELECT sl.name || ' v' || sl.version AS __text, sl.id::text AS __value
FROM slices sl
WHERE sl.tenant_id = '$tenant'
ORDER BY sl.name, sl.version DESC`;

export const MODEL_OPTIONS = `SELECT DISTINCT ${MODEL_LABEL} AS __text, mo.id::text AS __value
FROM metrics m
JOIN models mo ON mo.id = m.model_id
WHERE m.slice_id = '$slice'
ORDER BY 1`;

export const METRIC_OPTIONS = `SELECT DISTINCT m.name
FROM metrics m
WHERE m.slice_id = '$slice' AND m.model_id IN ($model)
ORDER BY m.name`;

export const ATTRIBUTE_OPTIONS = `SELECT DISTINCT split_part(m.subgroup, '=', 1) AS attribute
FROM metrics m
WHERE ${ON_SLICE} AND m.subgroup <> 'all'
ORDER BY 1`;

export const LATEST_BY_MODEL = `SELECT m.at AS "time", ${MODEL_LABEL} AS metric, m.value
FROM metrics m
JOIN models mo ON mo.id = m.model_id
WHERE $__timeFilter(m.at) AND ${ON_SLICE} AND m.subgroup = 'all'
ORDER BY 1`;

export const MODEL_VALUES = `SELECT m.at AS "time", m.value, m.ci_low, m.ci_high
FROM metrics m
WHERE $__timeFilter(m.at) AND ${ON_SLICE} AND m.subgroup = 'all'
ORDER BY 1`;

export const MODEL_BASELINE = `SELECT t."time", b.value AS baseline, b.ci_low AS baseline_low, b.ci_high AS baseline_high
FROM (
  SELECT DISTINCT ON (p.model_id) b.value, b.ci_low, b.ci_high
  FROM baselines b
  JOIN plans p ON p.id = b.plan_id
  WHERE b.slice_id = '$slice' AND b.metric = '$metric' AND b.subgroup = 'all' AND p.model_id IN ($model)
  ORDER BY p.model_id, b.updated_at DESC
) b
CROSS JOIN (VALUES ($__timeFrom()::timestamptz), ($__timeTo()::timestamptz)) AS t("time")
ORDER BY 1`;

export const BY_ATTRIBUTE = `SELECT m.at AS "time", m.subgroup || ' · ' || ${MODEL_LABEL} AS metric, m.value
FROM metrics m
JOIN models mo ON mo.id = m.model_id
WHERE $__timeFilter(m.at) AND ${ON_SLICE}
  AND m.subgroup <> 'all' AND split_part(m.subgroup, '=', 1) IN ($attribute)
ORDER BY 1`;

export const LATEST_BREAKDOWN = `SELECT model, attribute, attribute_value, value, ci_low, ci_high, n, vs_all, measured_at
FROM (
  SELECT DISTINCT ON (m.model_id, m.subgroup)
    ${MODEL_LABEL} AS model, split_part(m.subgroup, '=', 1) AS attribute,
    substr(m.subgroup, strpos(m.subgroup, '=') + 1) AS attribute_value,
    m.value, m.ci_low, m.ci_high, m.n, m.value - overall.value AS vs_all, m.at AS measured_at
  FROM metrics m
  JOIN models mo ON mo.id = m.model_id
  LEFT JOIN metrics overall ON overall.run_id = m.run_id AND overall.slice_id = m.slice_id
    AND overall.name = m.name AND overall.subgroup = 'all'
  WHERE $__timeFilter(m.at) AND ${ON_SLICE}
    AND m.subgroup <> 'all' AND split_part(m.subgroup, '=', 1) IN ($attribute)
  ORDER BY m.model_id, m.subgroup, m.at DESC
) latest
ORDER BY model, attribute, value DESC`;

// Per run and attribute: largest minus smallest value across the attribute's groups.
export const FAIRNESS_GAP = `SELECT max(m.at) AS "time",
  split_part(m.subgroup, '=', 1) || ' gap · ' || ${MODEL_LABEL} AS metric,
  max(m.value) - min(m.value) AS value
FROM metrics m
JOIN models mo ON mo.id = m.model_id
WHERE $__timeFilter(m.at) AND ${ON_SLICE}
  AND m.subgroup <> 'all' AND split_part(m.subgroup, '=', 1) IN ($attribute)
GROUP BY m.run_id, split_part(m.subgroup, '=', 1), mo.name, mo.version
HAVING count(m.value) >= 2
ORDER BY 1`;

export const SLICE_ALERTS = `SELECT a.opened_at AS opened, a.status, a.severity, a.title,
  ${MODEL_LABEL} AS model, a.metric, a.subgroup, a.acknowledged_at AS acknowledged, a.resolved_at AS resolved
FROM alerts a
JOIN models mo ON mo.id = a.model_id
WHERE a.slice_id = '$slice' AND a.model_id IN ($model)
  AND (a.status <> 'resolved' OR $__timeFilter(a.resolved_at))
ORDER BY a.opened_at DESC`;

export const SLICE_ALERT_ANNOTATIONS = `SELECT a.opened_at AS "time", a.resolved_at AS timeend, a.title AS text,
  a.severity || ',' || a.subgroup AS tags
FROM alerts a
WHERE $__timeFilter(a.opened_at) AND a.slice_id = '$slice'
ORDER BY 1`;
