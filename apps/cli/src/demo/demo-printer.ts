import { formatMetricInterval, formatMetricValue } from '@lastmile/reports';
import { getScenarioKind, metricUnit, type MetricUnit } from '@lastmile/scenarios';
import type { ApiMetric } from './demo-types';

/** Plain step-by-step output: what the demo does, then what came back. */
let step = 0;

export function heading(text: string): void {
  step += 1;
  console.log(`\n== ${step}. ${text}`);
}

export function say(text: string): void {
  console.log(`   ${text}`);
}

/** A rate as a percent (WER, accuracy); anything else goes through metricLine with its unit. */
export const pct = (value: number | null | undefined) => formatMetricValue(value, 'rate');

/** One metric in its unit as the API states it: a rate as a percent, a count as a count. */
export function metricLine(metric: ApiMetric): string {
  const unit = metric.unit ?? 'rate';
  const interval = formatMetricInterval(metric.ciLow, metric.ciHigh, unit) || '[—]';
  return `${metric.name.padEnd(30)} ${metric.subgroup.padEnd(28)} ${formatMetricValue(metric.value, unit).padStart(12)}  ${interval}  n=${metric.n}`;
}

let speechUnits: Map<string, MetricUnit> | undefined;

/** A value of one of the speech kind's metrics in its unit (an incident names the metric only). */
export function speechValue(metric: string, value: number | null | undefined): string {
  if (!speechUnits) {
    const asr = getScenarioKind('asr');
    speechUnits = new Map(
      asr.metrics(asr.configSchema.parse({})).map((m) => [m.name, metricUnit(m)]),
    );
  }
  return formatMetricValue(value, speechUnits.get(metric) ?? 'rate');
}
