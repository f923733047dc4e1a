import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PanelBuilder as TableBuilder } from '@grafana/grafana-foundation-sdk/table';
import { PostgresQueryBuilder } from './postgres-query.builder';

describe('PostgresQueryBuilder', () => {
  it('serializes to the query model of Grafana’s PostgreSQL data source', () => {
    const query = new PostgresQueryBuilder('SELECT 1 AS value')
      .refId('B')
      .format('table')
      .datasource({ type: 'grafana-postgresql-datasource', uid: 'pg' });
    assert.deepEqual(JSON.parse(JSON.stringify(query.build())), {
      rawSql: 'SELECT 1 AS value',
      format: 'table',
      rawQuery: true,
      editorMode: 'code',
      refId: 'B',
      datasource: { type: 'grafana-postgresql-datasource', uid: 'pg' },
    });
  });

  it('defaults to a time series and plugs into any SDK panel as a target', () => {
    const panel = new TableBuilder()
      .withTarget(new PostgresQueryBuilder('SELECT now() AS "time", 1'))
      .build();
    assert.equal(panel.targets?.length, 1);
    assert.equal(JSON.parse(JSON.stringify(panel.targets))[0].format, 'time_series');
  });
});
