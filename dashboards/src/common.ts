import * as common from '@grafana/grafana-foundation-sdk/common';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import * as heatmap from '@grafana/grafana-foundation-sdk/heatmap';
import { PanelBuilder as StatBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TableBuilder } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';

/** Every Lastmile dashboard: provisioned read-only, UTC, linked to the others by tag. */
export function lastmileDashboard(uid: string, title: string): dashboard.DashboardBuilder {
  return new dashboard.DashboardBuilder(title)
    .uid(uid)
    .tags(['lastmile'])
    .readonly()
    .timezone('utc')
    .time({ from: 'now-30d', to: 'now' })
    .refresh('5m')
    .tooltip(dashboard.DashboardCursorSync.Crosshair)
    .link(
      new dashboard.DashboardLinkBuilder('Lastmile')
        .type(dashboard.DashboardLinkType.Dashboards)
        .tags(['lastmile'])
        .asDropdown(true)
        .keepTime(true)
        .includeVars(true),
    );
}

export function defaultTimeseries(title: string): TimeseriesBuilder {
  return new TimeseriesBuilder()
    .title(title)
    .height(9)
    .span(12)
    .lineWidth(1)
    .fillOpacity(10)
    .pointSize(5)
    .showPoints(common.VisibilityMode.Auto)
    .drawStyle(common.GraphDrawStyle.Line)
    .lineInterpolation(common.LineInterpolation.Linear)
    .spanNulls(false)
    .axisBorderShow(false)
    .legend(
      new common.VizLegendOptionsBuilder()
        .showLegend(true)
        .placement(common.LegendPlacement.Bottom)
        .displayMode(common.LegendDisplayMode.List),
    )
    .tooltip(
      new common.VizTooltipOptionsBuilder()
        .mode(common.TooltipDisplayMode.Multi)
        .sort(common.SortOrder.Descending),
    );
}

/** Counts per time bucket, stacked by series. */
export function stackedBars(title: string): TimeseriesBuilder {
  return defaultTimeseries(title)
    .drawStyle(common.GraphDrawStyle.Bars)
    .fillOpacity(80)
    .stacking(new common.StackingConfigBuilder().mode(common.StackingMode.Normal));
}

/** Runs happen on a schedule, so each evaluation is drawn as a point joined by a line. */
export function runSeries(title: string): TimeseriesBuilder {
  return defaultTimeseries(title).showPoints(common.VisibilityMode.Always).spanNulls(true);
}

/**
 * Draws `high` down to `low` as a shaded band and keeps both out of the legend:
 * how a confidence interval or a baseline band is shown in a time series.
 */
export function withBand(
  panel: TimeseriesBuilder,
  low: string,
  high: string,
  color: string,
): TimeseriesBuilder {
  const hidden = { id: 'custom.hideFrom', value: { legend: true, tooltip: false, viz: false } };
  const fixedColor = { id: 'color', value: { mode: 'fixed', fixedColor: color } };
  return panel
    .overrideByName(low, [{ id: 'custom.lineWidth', value: 0 }, hidden, fixedColor])
    .overrideByName(high, [
      { id: 'custom.lineWidth', value: 0 },
      { id: 'custom.fillBelowTo', value: low },
      { id: 'custom.fillOpacity', value: 20 },
      hidden,
      fixedColor,
    ]);
}

/**
 * For panels whose queries return `value, ci_low, ci_high` and `baseline, baseline_low,
 * baseline_high`: the value in blue with its interval, the baseline dashed with its band.
 */
export function valueAgainstBaseline(panel: TimeseriesBuilder): TimeseriesBuilder {
  panel
    .overrideByName('value', [{ id: 'color', value: { mode: 'fixed', fixedColor: 'blue' } }])
    .overrideByName('baseline', [
      { id: 'custom.lineStyle', value: { fill: 'dash', dash: [10, 10] } },
      { id: 'custom.showPoints', value: 'never' },
      { id: 'color', value: { mode: 'fixed', fixedColor: 'text' } },
    ]);
  withBand(panel, 'ci_low', 'ci_high', 'blue');
  return withBand(panel, 'baseline_low', 'baseline_high', 'gray');
}

export function defaultTable(title: string): TableBuilder {
  return new TableBuilder().title(title).height(9).span(24).filterable(true).showHeader(true);
}

export function defaultStat(title: string): StatBuilder {
  return new StatBuilder()
    .title(title)
    .height(5)
    .span(6)
    .graphMode(common.BigValueGraphMode.None)
    .colorMode(common.BigValueColorMode.None)
    .textMode(common.BigValueTextMode.ValueAndName)
    .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false));
}

/** Prometheus histogram buckets drawn as they are (already bucketed, so no recalculation). */
export function defaultHeatmap(title: string, unit: string): heatmap.PanelBuilder {
  return new heatmap.PanelBuilder()
    .title(title)
    .height(9)
    .span(12)
    .calculate(false)
    .cellGap(1)
    .showLegend()
    .color(
      new heatmap.HeatmapColorOptionsBuilder()
        .mode(heatmap.HeatmapColorMode.Scheme)
        .scheme('Oranges')
        .fill('dark-orange')
        .scale(heatmap.HeatmapColorScale.Exponential)
        .exponent(0.5)
        .steps(64),
    )
    .yAxis(new heatmap.YAxisConfigBuilder().unit(unit));
}

/** Green at zero, red from one: for counts that should be zero (open alerts, failed runs). */
export function zeroIsGood(): dashboard.ThresholdsConfigBuilder {
  return new dashboard.ThresholdsConfigBuilder().mode(dashboard.ThresholdsMode.Absolute).steps([
    { value: null, color: 'green' },
    { value: 1, color: 'red' },
  ]);
}
