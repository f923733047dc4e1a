import type { Builder, Dataquery } from '@grafana/grafana-foundation-sdk/cog';
import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';

export type PostgresQueryFormat = 'time_series' | 'table';

/** The query model of Grafana's PostgreSQL data source, which the SDK does not ship. */
export interface PostgresQuery {
  refId?: string;
  hide?: boolean;
  datasource?: DataSourceRef;
  rawSql: string;
  format: PostgresQueryFormat;
  /** Raw SQL in the code editor, not the visual query builder. */
  rawQuery: true;
  editorMode: 'code';
  _implementsDataqueryVariant(): void;
}

export const defaultPostgresQuery = (): PostgresQuery => ({
  rawSql: '',
  format: 'time_series',
  rawQuery: true,
  editorMode: 'code',
  _implementsDataqueryVariant() {},
});

/** Builds a PostgreSQL target for any SDK panel (SDK docs, "custom query type"). */
export class PostgresQueryBuilder implements Builder<Dataquery> {
  private readonly internal: PostgresQuery;

  constructor(rawSql: string) {
    this.internal = defaultPostgresQuery();
    this.internal.rawSql = rawSql;
  }

  build(): PostgresQuery {
    return this.internal;
  }

  refId(refId: string): this {
    this.internal.refId = refId;
    return this;
  }

  hide(hide: boolean): this {
    this.internal.hide = hide;
    return this;
  }

  datasource(datasource: DataSourceRef): this {
    this.internal.datasource = datasource;
    return this;
  }

  format(format: PostgresQueryFormat): this {
    this.internal.format = format;
    return this;
  }
}
