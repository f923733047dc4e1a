import { formatInterval, formatMetricValue } from './format';
import { escapeHtml } from './html';

/** One row of a baseline-vs-now chart: a group, its baseline and its current value with intervals. */
export interface IntervalRow {
  label: string;
  baseline: { value: number; interval: readonly [number, number] | null } | null;
  current: { value: number; interval: readonly [number, number] | null } | null;
  /** The change is a finding (drawn in red); otherwise in blue. */
  flagged: boolean;
}

const LABEL = 200;
const PLOT = 440;
const ROW = 34;
const TOP = 8;

/**
 * Baseline (grey) and now (red when flagged, blue otherwise) per group, each a point with its 95%
 * interval, on one axis: inline SVG drawn from numbers (no script, no external resource), with a
 * text alternative listing every value.
 */
export function intervalChart(
  caption: string,
  rows: readonly IntervalRow[],
  unit?: string,
): string {
  if (rows.length === 0) return '';
  const values = rows.flatMap((r) =>
    [r.baseline, r.current].flatMap((side) =>
      side ? [side.value, ...(side.interval ?? [])].filter(Number.isFinite) : [],
    ),
  );
  const low = Math.min(0, ...values);
  const high = Math.max(...values, low + 1e-9);
  const span = (high - low) * 1.08 || 1;
  const x = (v: number) => LABEL + ((v - low) / span) * PLOT;
  const height = TOP + rows.length * ROW + 26;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => low + f * (high - low));
  const grid = ticks
    .map(
      (t) =>
        `<line class="grid" x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${TOP}" y2="${height - 22}"/><text x="${x(t).toFixed(1)}" y="${height - 6}" text-anchor="middle">${escapeHtml(formatMetricValue(t, unit))}</text>`,
    )
    .join('');
  const mark = (side: IntervalRow['baseline'], y: number, cls: string) => {
    if (!side || !Number.isFinite(side.value)) return '';
    const ci = side.interval
      ? `<line class="ci ${cls}" x1="${x(side.interval[0]).toFixed(1)}" x2="${x(side.interval[1]).toFixed(1)}" y1="${y}" y2="${y}"/>`
      : '';
    return `${ci}<circle class="${cls}" cx="${x(side.value).toFixed(1)}" cy="${y}" r="4.5"/>`;
  };
  const body = rows
    .map((row, i) => {
      const y = TOP + i * ROW + ROW / 2;
      const now = row.flagged ? 'now' : 'now ok';
      const title = `${row.label}: baseline ${side(row.baseline, unit)}, now ${side(row.current, unit)}`;
      return `<g><title>${escapeHtml(title)}</title><text x="${LABEL - 8}" y="${y + 4}" text-anchor="end">${escapeHtml(row.label.length > 30 ? `${row.label.slice(0, 29)}…` : row.label)}</text>${mark(row.baseline, y - 6, 'base')}${mark(row.current, y + 6, now)}</g>`;
    })
    .join('');
  const width = LABEL + PLOT + 20;
  const described = rows
    .map((r) => `${r.label}: baseline ${side(r.baseline, unit)}, now ${side(r.current, unit)}`)
    .join('; ');
  return `<figure class="chart"><figcaption>${escapeHtml(caption)}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(`${caption}. ${described}`)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${grid}${body}</svg>
<div class="legend"><span class="k base"></span> baseline · <span class="k now"></span> now (95% intervals)</div></figure>`;
}

function side(value: IntervalRow['baseline'], unit?: string): string {
  if (!value) return '—';
  return `${formatMetricValue(value.value, unit)} ${value.interval ? formatInterval(value.interval, unit) : ''}`.trim();
}
