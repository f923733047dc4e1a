import * as common from '@grafana/grafana-foundation-sdk/common';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import {
  defaultStat,
  defaultTable,
  defaultTimeseries,
  lastmileDashboard,
  stackedBars,
  zeroIsGood,
} from './common';
import * as q from './alerts.queries';
import { sql } from './datasources';
import { customVariable, postgresVariable } from './variables';

export const ALERTS_UID = 'lastmile-alerts';

const seconds = [{ id: 'unit', value: 's' }];

/** On-call view: what is open or acknowledged, how fast alerts are acknowledged and resolved. */
export function alertsDashboard(): dashboard.Dashboard {
  return lastmileDashboard(ALERTS_UID, 'Lastmile / Alerts')
    .description('Open and acknowledged alerts, time to acknowledge and resolve, deliveries.')
    .withVariable(
      postgresVariable('model', 'Model', q.MODEL_OPTIONS, { multi: true, includeAll: true }),
    )
    .withVariable(customVariable('severity', 'Severity', q.SEVERITIES))
    .withRow(new dashboard.RowBuilder('Now'))
    .withPanel(
      defaultStat('Unresolved alerts')
        .colorMode(common.BigValueColorMode.Background)
        .thresholds(zeroIsGood())
        .withTarget(sql(q.STATUS_COUNTS, 'table')),
    )
    .withPanel(
      defaultStat('Time to acknowledge')
        .unit('s')
        .withTarget(sql(q.TIME_TO_ACKNOWLEDGE_SUMMARY, 'table')),
    )
    .withPanel(
      defaultStat('Resolved in range')
        .span(12)
        .withTarget(sql(q.RESOLVED_SUMMARY, 'table'))
        .overrideByName('median_time_to_resolve', seconds),
    )
    .withPanel(
      defaultTable('Open and acknowledged')
        .withTarget(sql(q.UNRESOLVED, 'table'))
        .overrideByName('open_for', seconds)
        .overrideByName('time_to_acknowledge', seconds),
    )
    .withRow(new dashboard.RowBuilder('Over time'))
    .withPanel(stackedBars('Alerts opened').withTarget(sql(q.OPENED_OVER_TIME)))
    .withPanel(
      defaultTimeseries('Time to acknowledge per alert')
        .description('One point per acknowledged alert: seconds from opened to acknowledged.')
        .drawStyle(common.GraphDrawStyle.Points)
        .unit('s')
        .withTarget(sql(q.TIME_TO_ACKNOWLEDGE)),
    )
    .withPanel(
      defaultTable('Recently resolved')
        .withTarget(sql(q.RECENTLY_RESOLVED, 'table'))
        .overrideByName('time_to_acknowledge', seconds)
        .overrideByName('time_to_resolve', seconds),
    )
    .withRow(new dashboard.RowBuilder('Notifications'))
    .withPanel(stackedBars('Deliveries by outcome').withTarget(sql(q.DELIVERIES)))
    .withPanel(
      defaultTable('Failed deliveries').span(12).withTarget(sql(q.FAILED_DELIVERIES, 'table')),
    )
    .build();
}
