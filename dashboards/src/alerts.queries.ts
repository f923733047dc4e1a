// SQL of the Alerts dashboard: the on-call view of open, acknowledged and resolved alerts.

const FILTER = `a.model_id IN ($model) AND a.severity IN ($severity)`;
const SEVERITY_ORDER = `array_position(ARRAY['critical', 'warning', 'info'], a.severity)`;
const SECONDS_TO_ACK = `extract(epoch FROM a.acknowledged_at - a.opened_at)::float8`;
const SECONDS_TO_RESOLVE = `extract(epoch FROM a.resolved_at - a.opened_at)::float8`;

export const MODEL_OPTIONS = `SELECT mo.name || ' ' || mo.version AS __text, mo.id::text AS __value
FROM models mo
ORDER BY mo.name, mo.version`;

export const SEVERITIES = ['critical', 'warning', 'info'] as const;

export const STATUS_COUNTS = `SELECT count(*) FILTER (WHERE a.status = 'open') AS "open",
  count(*) FILTER (WHERE a.status = 'acknowledged') AS acknowledged
FROM alerts a
WHERE a.status <> 'resolved' AND ${FILTER}`;

export const TIME_TO_ACKNOWLEDGE_SUMMARY = `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ${SECONDS_TO_ACK}) AS median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY ${SECONDS_TO_ACK}) AS p90
FROM alerts a
WHERE a.acknowledged_at IS NOT NULL AND $__timeFilter(a.acknowledged_at) AND ${FILTER}`;

export const RESOLVED_SUMMARY = `SELECT count(*) AS resolved,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY ${SECONDS_TO_RESOLVE}) AS median_time_to_resolve
FROM alerts a
WHERE a.resolved_at IS NOT NULL AND $__timeFilter(a.resolved_at) AND ${FILTER}`;

export const UNRESOLVED = `SELECT a.opened_at AS opened, a.status, a.severity, a.type, a.title,
  mo.name || ' ' || mo.version AS model, coalesce(t.name, '—') AS tenant, coalesce(sl.name, '—') AS slice,
  a.metric, a.subgroup, a.seen_count AS seen,
  extract(epoch FROM now() - a.opened_at)::float8 AS open_for,
  ${SECONDS_TO_ACK} AS time_to_acknowledge
FROM alerts a
JOIN models mo ON mo.id = a.model_id
LEFT JOIN tenants t ON t.id = a.tenant_id
LEFT JOIN slices sl ON sl.id = a.slice_id
WHERE a.status <> 'resolved' AND ${FILTER}
ORDER BY ${SEVERITY_ORDER}, a.opened_at`;

export const OPENED_OVER_TIME = `SELECT $__timeGroupAlias(a.opened_at, $__interval), a.severity AS metric, count(*) AS value
FROM alerts a
WHERE $__timeFilter(a.opened_at) AND ${FILTER}
GROUP BY 1, 2
ORDER BY 1`;

export const TIME_TO_ACKNOWLEDGE = `SELECT a.acknowledged_at AS "time", a.severity AS metric, ${SECONDS_TO_ACK} AS value
FROM alerts a
WHERE a.acknowledged_at IS NOT NULL AND $__timeFilter(a.acknowledged_at) AND ${FILTER}
ORDER BY 1`;

export const RECENTLY_RESOLVED = `SELECT a.resolved_at AS resolved, a.severity, a.type, a.title,
  mo.name || ' ' || mo.version AS model, a.metric, a.subgroup,
  ${SECONDS_TO_ACK} AS time_to_acknowledge, ${SECONDS_TO_RESOLVE} AS time_to_resolve
FROM alerts a
JOIN models mo ON mo.id = a.model_id
WHERE a.resolved_at IS NOT NULL AND $__timeFilter(a.resolved_at) AND ${FILTER}
ORDER BY a.resolved_at DESC`;

export const DELIVERIES = `SELECT $__timeGroupAlias(n.at, $__interval), n.status AS metric, count(*) AS value
FROM notifications n
JOIN alerts a ON a.id = n.alert_id
WHERE $__timeFilter(n.at) AND ${FILTER}
GROUP BY 1, 2
ORDER BY 1`;

export const FAILED_DELIVERIES = `SELECT n.at, n.channel_key AS channel, n.event, n.attempt, n.response_status, n.error, a.title AS alert
FROM notifications n
JOIN alerts a ON a.id = n.alert_id
WHERE n.status = 'failed' AND $__timeFilter(n.at) AND ${FILTER}
ORDER BY n.at DESC`;
