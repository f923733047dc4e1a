import {
  formatMetricChange as reportChange,
  formatMetricValue as reportValue,
} from '@lastmile/reports';
import { METRIC_UNITS, type MetricUnit } from '@lastmile/scenarios';

/** The metric's declared unit, or a rate (the default of a definition that names none). */
const unitOf = (unit?: string): MetricUnit =>
  (METRIC_UNITS as readonly string[]).includes(unit ?? '') ? (unit as MetricUnit) : 'rate';

/**
 * A metric's value as people read it, by the one formatter the report, CLI and demo use: rates as
 * percents, any other unit (counts per answer, dB, seconds, scores) in its own unit.
 */
export function formatMetricValue(value: number | null | undefined, unit?: string): string {
  return reportValue(value, unitOf(unit));
}

/** A change of a metric: signed, in the metric's unit (percentage points for rates); 0 unsigned. */
export function formatMetricChange(value: number | null | undefined, unit?: string): string {
  return reportChange(value, unitOf(unit));
}

export function formatInterval(
  interval: readonly [number, number] | { low: number; high: number } | null | undefined,
  unit?: string,
  change = false,
): string {
  if (!interval) return '—';
  const [low, high] = Array.isArray(interval)
    ? interval
    : [(interval as { low: number }).low, (interval as { high: number }).high];
  const f = change ? formatMetricChange : formatMetricValue;
  return `[${f(low, unit)}, ${f(high, unit)}]`;
}

/** p- and q-values: three significant digits, small ones in exponent form. */
export function formatP(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value < 0.001) return value.toExponential(1);
  return Number(value.toPrecision(3)).toString();
}

/** "3 min", "5 h", "2 d": how long ago, for an inbox sorted by age. */
export function formatAge(at: Date | string, now = new Date()): string {
  const seconds = Math.max(0, (now.getTime() - new Date(at).getTime()) / 1000);
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} d`;
}

/** A timestamp as UTC text, to the second. */
export function formatTime(at: Date | string | null | undefined): string {
  if (!at) return '—';
  return new Date(at)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
}
