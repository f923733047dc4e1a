import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { PromQueryFormat } from '@grafana/grafana-foundation-sdk/prometheus';
import {
  defaultHeatmap,
  defaultStat,
  defaultTimeseries,
  lastmileDashboard,
  stackedBars,
} from './common';
import { promql } from './datasources';
import * as q from './runner-health.queries';
import { prometheusLabelVariable } from './variables';

export const RUNNER_HEALTH_UID = 'lastmile-runner-health';

/** The service's own health from the Prometheus metrics of api and runner. */
export function runnerHealthDashboard(): dashboard.Dashboard {
  return lastmileDashboard(RUNNER_HEALTH_UID, 'Lastmile / Runner health')
    .description(
      'Queue depth, run durations, model-call latency and errors, notification failures.',
    )
    .time({ from: 'now-6h', to: 'now' })
    .refresh('1m')
    .withVariable(prometheusLabelVariable('model', 'Model', q.MODEL_METRIC, 'model'))
    .withRow(new dashboard.RowBuilder('Queue and runs'))
    .withPanel(
      defaultStat('Jobs by state').withTarget(promql(q.JOBS_BY_STATE, '{{state}}').instant()),
    )
    .withPanel(
      defaultTimeseries('Queue depth')
        .span(18)
        .withTarget(promql(q.QUEUE_DEPTH, '{{queue}} {{state}}')),
    )
    .withPanel(
      defaultTimeseries('Run duration')
        .unit('s')
        .withTarget(promql(q.RUN_DURATION(0.5), 'p50 {{scenario}}', 'A'))
        .withTarget(promql(q.RUN_DURATION(0.95), 'p95 {{scenario}}', 'B')),
    )
    .withPanel(
      stackedBars('Runs finished per hour by status').withTarget(
        promql(q.RUNS_PER_HOUR, '{{status}}'),
      ),
    )
    .withRow(new dashboard.RowBuilder('Model calls'))
    .withPanel(
      defaultTimeseries('Model-call latency')
        .unit('s')
        .withTarget(promql(q.CALL_LATENCY(0.5), 'p50 {{model}}', 'A'))
        .withTarget(promql(q.CALL_LATENCY(0.95), 'p95 {{model}}', 'B'))
        .withTarget(promql(q.CALL_LATENCY(0.99), 'p99 {{model}}', 'C')),
    )
    .withPanel(
      defaultHeatmap('Model-call latency distribution', 's').withTarget(
        promql(q.CALL_LATENCY_BUCKETS, '{{le}}').format(PromQueryFormat.Heatmap),
      ),
    )
    .withPanel(
      defaultTimeseries('Model-call errors per second by code').withTarget(
        promql(q.CALL_ERRORS, '{{model}} {{code}}'),
      ),
    )
    .withPanel(
      defaultTimeseries('Model-call error ratio')
        .unit('percentunit')
        .withTarget(promql(q.CALL_ERROR_RATIO, '{{model}}')),
    )
    .withRow(new dashboard.RowBuilder('Notifications and API'))
    .withPanel(
      defaultTimeseries('Notification failures').withTarget(
        promql(q.NOTIFICATION_FAILURES, '{{channel_kind}}'),
      ),
    )
    .withPanel(
      defaultTimeseries('HTTP request latency')
        .unit('s')
        .withTarget(promql(q.HTTP_LATENCY(0.5), 'p50 {{job}}', 'A'))
        .withTarget(promql(q.HTTP_LATENCY(0.99), 'p99 {{job}}', 'B')),
    )
    .build();
}
