import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One registry per process: `lastmile serve` runs api and runner together and exposes both. */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'lastmile_process_' });

export const httpRequestDuration = new Histogram({
  name: 'lastmile_http_request_duration_seconds',
  help: 'API request latency',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export const queueDepth = new Gauge({
  name: 'lastmile_queue_depth',
  help: 'Jobs in each queue by state',
  labelNames: ['queue', 'state'],
  registers: [registry],
});

export const runDuration = new Histogram({
  name: 'lastmile_run_duration_seconds',
  help: 'Wall time of finished runs',
  labelNames: ['status', 'scenario'],
  buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600],
  registers: [registry],
});

export const modelCallDuration = new Histogram({
  name: 'lastmile_model_call_duration_seconds',
  help: 'Model call latency including retries',
  labelNames: ['model', 'outcome'],
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
  registers: [registry],
});

export const modelCallErrors = new Counter({
  name: 'lastmile_model_call_errors_total',
  help: 'Model calls that ended in an error, by error code',
  labelNames: ['model', 'code'],
  registers: [registry],
});

export const notificationFailures = new Counter({
  name: 'lastmile_notification_failures_total',
  help: 'Failed notification delivery attempts',
  labelNames: ['channel_kind'],
  registers: [registry],
});
