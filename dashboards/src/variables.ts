import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { POSTGRES, PROMETHEUS } from './datasources';

export interface VariableChoice {
  /** Several values at once, e.g. compare models. */
  multi?: boolean;
  /** Offer "All"; selected by default. */
  includeAll?: boolean;
  /** Queries using $__timeFilter must refresh when the time range changes. */
  refresh?: dashboard.VariableRefresh;
}

const ALL: dashboard.VariableOption = { selected: true, text: 'All', value: '$__all' };

function choose(
  variable: dashboard.QueryVariableBuilder,
  {
    multi = false,
    includeAll = false,
    refresh = dashboard.VariableRefresh.OnDashboardLoad,
  }: VariableChoice,
): dashboard.QueryVariableBuilder {
  variable.multi(multi).includeAll(includeAll).refresh(refresh).allowCustomValue(false);
  return includeAll ? variable.current(ALL) : variable;
}

/**
 * A variable filled by SQL on the read-only role. Return `__text` and `__value` columns to show
 * names while filtering by id. The SQL's ORDER BY decides the order (sort disabled).
 */
export function postgresVariable(
  name: string,
  label: string,
  query: string,
  choice: VariableChoice = {},
): dashboard.QueryVariableBuilder {
  const variable = new dashboard.QueryVariableBuilder(name)
    .label(label)
    .datasource(POSTGRES)
    .query(query)
    .definition(query)
    .sort(dashboard.VariableSort.Disabled);
  return choose(variable, choice);
}

/** A Prometheus label variable; "All" becomes the regex `.*` for `label=~"$name"` matchers. */
export function prometheusLabelVariable(
  name: string,
  label: string,
  metric: string,
  labelName: string,
): dashboard.QueryVariableBuilder {
  const query = `label_values(${metric}, ${labelName})`;
  const variable = new dashboard.QueryVariableBuilder(name)
    .label(label)
    .datasource(PROMETHEUS)
    .query(query)
    .definition(query)
    .sort(dashboard.VariableSort.AlphabeticalAsc)
    .allValue('.*');
  return choose(variable, {
    multi: true,
    includeAll: true,
    refresh: dashboard.VariableRefresh.OnTimeRangeChanged,
  });
}

/** A fixed list of values, e.g. alert severities; multi-value with "All" selected. */
export function customVariable(
  name: string,
  label: string,
  values: readonly string[],
): dashboard.CustomVariableBuilder {
  return new dashboard.CustomVariableBuilder(name)
    .label(label)
    .values(values.join(','))
    .multi(true)
    .includeAll(true)
    .allowCustomValue(false)
    .current(ALL);
}
