import type { MetricUnit } from '@lastmile/scenarios';

/** Digits and suffix per unit: rates are shown as percents, everything else as itself. */
const STYLE: Record<MetricUnit, { digits: number; suffix: string }> = {
  rate: { digits: 1, suffix: '%' },
  count: { digits: 2, suffix: '' },
  ratio: { digits: 3, suffix: '' },
  score: { digits: 3, suffix: '' },
  z: { digits: 2, suffix: '' },
  db: { digits: 1, suffix: ' dB' },
  dbfs: { digits: 1, suffix: ' dBFS' },
  seconds: { digits: 2, suffix: ' s' },
  hz: { digits: 0, suffix: ' Hz' },
  words_per_second: { digits: 2, suffix: ' words/s' },
};

export interface FormatOptions {
  /** Decimal places instead of the unit's default (for a rate: of the percent). */
  digits?: number;
}

export interface ChangeOptions extends FormatOptions {
  /** False for a magnitude (an effect, an MDE): no '+' before it. Default true. */
  signed?: boolean;
}

const missing = (value: number | null | undefined): value is null | undefined =>
  value === null || value === undefined || !Number.isFinite(value);

const styleOf = (unit: MetricUnit | null | undefined) => STYLE[unit ?? 'rate'] ?? STYLE.rate;

/**
 * A metric's value as people read it: a rate as a percent (0.079 → "7.9%"), anything else in its
 * own unit (citations per answer 1.1667 → "1.17", SNR 75.08 → "75.1 dB"); "—" when there is none.
 */
export function formatMetricValue(
  value: number | null | undefined,
  unit: MetricUnit | null | undefined = 'rate',
  options: FormatOptions = {},
): string {
  if (missing(value)) return '—';
  const style = styleOf(unit);
  const digits = options.digits ?? style.digits;
  const shown = (unit ?? 'rate') === 'rate' ? value * 100 : value;
  return `${shown.toFixed(digits)}${style.suffix}`;
}

/**
 * A change of a metric, signed: a rate's in percentage points (+56.9 pp), anything else in its
 * own unit (+0.17, −3.2 dB). A change of exactly zero carries no sign.
 */
export function formatMetricChange(
  delta: number | null | undefined,
  unit: MetricUnit | null | undefined = 'rate',
  options: ChangeOptions = {},
): string {
  if (missing(delta)) return '—';
  const style = styleOf(unit);
  const digits = options.digits ?? style.digits;
  const rate = (unit ?? 'rate') === 'rate';
  const magnitude = Math.abs(rate ? delta * 100 : delta).toFixed(digits);
  const sign = delta > 0 ? (options.signed === false ? '' : '+') : delta < 0 ? '-' : '';
  return `${sign}${magnitude}${rate ? ' pp' : style.suffix}`;
}

/** "[low, high]" in the metric's unit, or "" when the interval is unknown. */
export function formatMetricInterval(
  low: number | null | undefined,
  high: number | null | undefined,
  unit: MetricUnit | null | undefined = 'rate',
  options: FormatOptions = {},
): string {
  if (missing(low) || missing(high)) return '';
  return `[${formatMetricValue(low, unit, options)}, ${formatMetricValue(high, unit, options)}]`;
}
