import type { MetricKindLabel } from './card-types';

const finite = (value: number | null | undefined): value is number =>
  value !== null && value !== undefined && Number.isFinite(value);

/**
 * A metric value as a reader expects it: rates (proportions, and ratios such as WER) as percents
 * with one decimal, means (F1, a toxicity score, citations per answer) as plain numbers.
 */
export function formatValue(value: number | null | undefined, statKind: MetricKindLabel): string {
  if (!finite(value)) return '—';
  return statKind === 'mean' ? value.toFixed(3) : `${(value * 100).toFixed(1)}%`;
}

/** A difference of two values: percentage points for rates, plain units for means. */
export function formatDifference(
  value: number | null | undefined,
  statKind: MetricKindLabel,
  signed = true,
): string {
  if (!finite(value)) return '—';
  const sign = signed && value > 0 ? '+' : value < 0 ? '−' : '';
  const magnitude = Math.abs(value);
  return statKind === 'mean'
    ? `${sign}${magnitude.toFixed(3)}`
    : `${sign}${(magnitude * 100).toFixed(1)} points`;
}

export function formatInterval(
  low: number | null | undefined,
  high: number | null | undefined,
  format: (value: number) => string,
): string {
  return finite(low) && finite(high) ? `[${format(low)}, ${format(high)}]` : '[—]';
}

/** Dates as a reader writes them: 2026-03-02. */
export const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '—');

export const shortHash = (hash: string) => hash.slice(0, 12);

/** "1 item", "3 items". */
export const count = (n: number, noun: string, plural = `${noun}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? noun : plural}`;
