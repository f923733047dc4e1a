// PromQL of the Runner health dashboard, over the metrics api and runner expose on /metrics.

const CALLS = 'lastmile_model_call_duration_seconds';
const RUNS = 'lastmile_run_duration_seconds';
const HTTP = 'lastmile_http_request_duration_seconds';
const ERRORS = 'lastmile_model_call_errors_total';
const MODEL = '{model=~"$model"}';

/** The q-quantile of a Prometheus histogram over the panel's rate window, per `by` label. */
export const quantile = (q: number, histogram: string, by: string, selector = ''): string =>
  `histogram_quantile(${q}, sum by (le, ${by}) (rate(${histogram}_bucket${selector}[$__rate_interval])))`;

export const MODEL_METRIC = `${CALLS}_count`;
export const JOBS_BY_STATE = 'sum by (state) (lastmile_queue_depth)';
export const QUEUE_DEPTH = 'sum by (queue, state) (lastmile_queue_depth)';
export const RUN_DURATION = (q: number) => quantile(q, RUNS, 'scenario');
export const RUNS_PER_HOUR = `sum by (status) (rate(${RUNS}_count[$__rate_interval])) * 3600`;
export const CALL_LATENCY = (q: number) => quantile(q, CALLS, 'model', MODEL);
export const CALL_LATENCY_BUCKETS = `sum by (le) (increase(${CALLS}_bucket${MODEL}[$__rate_interval]))`;
export const CALL_ERRORS = `sum by (model, code) (rate(${ERRORS}${MODEL}[$__rate_interval]))`;
export const CALL_ERROR_RATIO =
  `sum by (model) (rate(${ERRORS}${MODEL}[$__rate_interval]))` +
  ` / sum by (model) (rate(${CALLS}_count${MODEL}[$__rate_interval]))`;
export const NOTIFICATION_FAILURES =
  'sum by (channel_kind) (increase(lastmile_notification_failures_total[$__rate_interval]))';
export const HTTP_LATENCY = (q: number) => quantile(q, HTTP, 'job');
