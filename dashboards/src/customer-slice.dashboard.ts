import * as common from '@grafana/grafana-foundation-sdk/common';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import {
  defaultStat,
  defaultTable,
  lastmileDashboard,
  runSeries,
  valueAgainstBaseline,
} from './common';
import * as q from './customer-slice.queries';
import { sql, sqlAnnotation } from './datasources';
import { postgresVariable } from './variables';

export const CUSTOMER_SLICE_UID = 'lastmile-customer-slice';

const everyValue = { multi: true, includeAll: true };

/** One tenant's slice: a metric over time, broken down by attribute, and its fairness gap. */
export function customerSliceDashboard(): dashboard.Dashboard {
  return lastmileDashboard(CUSTOMER_SLICE_UID, 'Lastmile / Customer slice')
    .description(
      'One tenant’s slice: a metric over time, by attribute, and the gap between groups.',
    )
    .withVariable(postgresVariable('tenant', 'Tenant', q.TENANT_OPTIONS))
    .withVariable(postgresVariable('slice', 'Slice', q.SLICE_OPTIONS))
    .withVariable(postgresVariable('model', 'Model', q.MODEL_OPTIONS, everyValue))
    .withVariable(postgresVariable('metric', 'Metric', q.METRIC_OPTIONS))
    .withVariable(postgresVariable('attribute', 'Attribute', q.ATTRIBUTE_OPTIONS, everyValue))
    .annotation(sqlAnnotation('Alerts on this slice', q.SLICE_ALERT_ANNOTATIONS))
    .withRow(new dashboard.RowBuilder('$metric on the slice'))
    .withPanel(
      defaultStat('Latest $metric by model')
        .span(24)
        .graphMode(common.BigValueGraphMode.Area)
        .withTarget(sql(q.LATEST_BY_MODEL)),
    )
    .withPanel(modelPanel())
    .withRow(new dashboard.RowBuilder('$metric by attribute'))
    .withPanel(
      runSeries('$metric by $attribute')
        .description('One line per group of the attribute (e.g. WER per accent), per model.')
        .repeat('attribute')
        .maxPerRow(2)
        .span(24)
        .withTarget(sql(q.BY_ATTRIBUTE)),
    )
    .withPanel(
      runSeries('Fairness gap')
        .description(
          'Per run: the largest minus the smallest $metric across the groups of each attribute.',
        )
        .span(24)
        .withTarget(sql(q.FAIRNESS_GAP)),
    )
    .withPanel(
      defaultTable('Latest $metric by group')
        .description('vs_all: the group’s value minus the whole slice’s value in the same run.')
        .withTarget(sql(q.LATEST_BREAKDOWN, 'table'))
        .overrideByName('measured_at', [{ id: 'unit', value: 'dateTimeAsIso' }]),
    )
    .withRow(new dashboard.RowBuilder('Alerts'))
    .withPanel(defaultTable('Alerts on this slice').withTarget(sql(q.SLICE_ALERTS, 'table')))
    .build();
}

/** One panel per model (repeated): the slice's value with its interval and baseline band. */
function modelPanel() {
  return valueAgainstBaseline(
    runSeries('$metric · ${model:text}')
      .repeat('model')
      .maxPerRow(2)
      .span(24)
      .withTarget(sql(q.MODEL_VALUES, 'time_series', 'A'))
      .withTarget(sql(q.MODEL_BASELINE, 'time_series', 'B')),
  );
}
