import { escapeHtml } from '../html';

export interface ChartRow {
  label: string;
  value: number | null;
  low: number | null;
  high: number | null;
  n: number;
}

const BAR = 20;
const GAP = 8;
const LABEL = 220;
const WIDTH = 660;

/**
 * Horizontal bars (inline SVG, no script) of values with their 95% intervals as whiskers and,
 * when given, a dashed line at the overall value: the same picture as the run report's charts,
 * with the card's own number format.
 */
export function intervalChart(
  title: string,
  rows: ChartRow[],
  format: (value: number) => string,
  overall?: number | null,
): string {
  const finite = (v: number | null): v is number => v !== null && Number.isFinite(v);
  const max =
    Math.max(1e-9, ...rows.flatMap((r) => [r.value, r.high].filter(finite)), overall ?? 0) * 1.1;
  const plot = WIDTH - LABEL - 90;
  const x = (v: number) => (LABEL + (Math.max(0, v) / max) * plot).toFixed(1);
  const height = rows.length * (BAR + GAP) + 30;
  const bars = rows
    .map((row, i) => {
      const y = 10 + i * (BAR + GAP);
      const mid = y + BAR / 2;
      const whisker =
        finite(row.low) && finite(row.high)
          ? `<line class="ci" x1="${x(row.low)}" x2="${x(row.high)}" y1="${mid}" y2="${mid}"/>`
          : '';
      const shown = finite(row.value) ? format(row.value) : 'no value';
      const summary = `${row.label}: ${shown}${finite(row.low) && finite(row.high) ? ` (95% interval ${format(row.low)} to ${format(row.high)})` : ''}, ${row.n} items`;
      return `<g class="bar"><title>${escapeHtml(summary)}</title>
<text x="${LABEL - 8}" y="${mid + 4}" text-anchor="end">${escapeHtml(row.label)}</text>
<rect x="${LABEL}" y="${y}" width="${Math.max(1, Number(x(row.value ?? 0)) - LABEL).toFixed(1)}" height="${BAR}"/>${whisker}
<text x="${Number(x(Math.max(row.value ?? 0, row.high ?? 0))) + 6}" y="${mid + 4}">${escapeHtml(shown)}</text></g>`;
    })
    .join('\n');
  const line = finite(overall ?? null)
    ? `<line class="overall" x1="${x(overall!)}" x2="${x(overall!)}" y1="4" y2="${height - 22}"/>
<text x="${x(overall!)}" y="${height - 8}" text-anchor="middle">${escapeHtml(`all ${format(overall!)}`)}</text>`
    : '';
  return `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">
${bars}
${line}
</svg></figure>`;
}
