import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';
import { AnnotationQueryBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder as PrometheusQueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PostgresQueryBuilder, type PostgresQueryFormat } from './postgres-query.builder';

// Fixed uids: dashboards refer to the provisioned data sources by uid, never by name.
export const POSTGRES: DataSourceRef = {
  type: 'grafana-postgresql-datasource',
  uid: 'lastmile-postgres',
};
export const PROMETHEUS: DataSourceRef = { type: 'prometheus', uid: 'lastmile-prometheus' };

/** A PostgreSQL target against the read-only Lastmile data source. */
export function sql(
  rawSql: string,
  format: PostgresQueryFormat = 'time_series',
  refId = 'A',
): PostgresQueryBuilder {
  return new PostgresQueryBuilder(rawSql).format(format).refId(refId).datasource(POSTGRES);
}

/** A PromQL range query against the Prometheus that scrapes api and runner. */
export function promql(expr: string, legendFormat: string, refId = 'A'): PrometheusQueryBuilder {
  return new PrometheusQueryBuilder()
    .expr(expr)
    .legendFormat(legendFormat)
    .range()
    .refId(refId)
    .datasource(PROMETHEUS);
}

/** Events from SQL returning `time`, `timeend`, `text` and comma-separated `tags`. */
export function sqlAnnotation(name: string, rawSql: string): AnnotationQueryBuilder {
  return new AnnotationQueryBuilder()
    .name(name)
    .datasource(POSTGRES)
    .enable(true)
    .iconColor('red')
    .target(sql(rawSql, 'table', 'Annotations'));
}
