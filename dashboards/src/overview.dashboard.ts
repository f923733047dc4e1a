import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import * as common from '@grafana/grafana-foundation-sdk/common';
import {
  defaultStat,
  defaultTable,
  lastmileDashboard,
  runSeries,
  valueAgainstBaseline,
  zeroIsGood,
} from './common';
import { sql, sqlAnnotation } from './datasources';
import * as q from './overview.queries';
import { postgresVariable } from './variables';

export const OVERVIEW_UID = 'lastmile-overview';

const everyValue = { multi: true, includeAll: true };
const onTimeRange = { ...everyValue, refresh: dashboard.VariableRefresh.OnTimeRangeChanged };

/** Every model × scenario metric over time, against its baseline, with the open alerts. */
export function overviewDashboard(): dashboard.Dashboard {
  return lastmileDashboard(OVERVIEW_UID, 'Lastmile / Overview')
    .description('Every model × scenario metric over time with its baseline band; open alerts.')
    .withVariable(postgresVariable('model', 'Model', q.MODEL_OPTIONS, everyValue))
    .withVariable(postgresVariable('scenario', 'Scenario', q.SCENARIO_OPTIONS, everyValue))
    .withVariable(postgresVariable('metric', 'Metric', q.METRIC_OPTIONS, onTimeRange))
    .withVariable(postgresVariable('series', 'Series', q.SERIES_OPTIONS, onTimeRange))
    .annotation(sqlAnnotation('Alerts opened', q.ALERT_ANNOTATIONS))
    .withRow(new dashboard.RowBuilder('Now'))
    .withPanel(
      defaultStat('Alerts')
        .colorMode(common.BigValueColorMode.Background)
        .thresholds(zeroIsGood())
        .withTarget(sql(q.ALERT_COUNTS, 'table')),
    )
    .withPanel(defaultStat('Runs in range').span(18).withTarget(sql(q.RUN_OUTCOMES, 'table')))
    .withPanel(
      defaultTable('Open and acknowledged alerts')
        .withTarget(sql(q.OPEN_ALERTS, 'table'))
        .overrideByName('open_for', [{ id: 'unit', value: 's' }]),
    )
    .withPanel(
      defaultTable('Latest value against baseline')
        .withTarget(sql(q.LATEST_VS_BASELINE, 'table'))
        .overrideByName('measured_at', [{ id: 'unit', value: 'dateTimeAsIso' }]),
    )
    .withRow(new dashboard.RowBuilder('Metrics over time'))
    .withPanel(seriesPanel())
    .build();
}

/**
 * One panel per series (repeated): value with its 95% interval, baseline with its band.
 * Repeated panels span the full width: Grafana shares it among up to maxPerRow clones.
 */
function seriesPanel() {
  return valueAgainstBaseline(
    runSeries('${series:text}')
      .description('Shaded: the run’s 95% interval (blue) and the baseline band (grey).')
      .repeat('series')
      .maxPerRow(3)
      .span(24)
      .withTarget(sql(q.SERIES_VALUES, 'time_series', 'A'))
      .withTarget(sql(q.SERIES_BASELINE, 'time_series', 'B')),
  );
}
