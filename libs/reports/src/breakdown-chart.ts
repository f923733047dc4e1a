import { formatMetricInterval, formatMetricValue } from './format-metric';
import { escapeHtml } from './html';
import type { ReportMetric } from './report-data';

const BAR = 22;
const GAP = 8;
const LABEL = 210;
const WIDTH = 640;

/**
 * A horizontal bar chart (inline SVG, no script) of one metric across an attribute's values, with
 * the 95% interval as a whisker and the overall value as a dashed line.
 */
export function breakdownChart(
  metric: string,
  attribute: string,
  rows: ReportMetric[],
  overall: ReportMetric | undefined,
): string {
  const values = rows
    .flatMap((r) => [r.value, r.ciHigh])
    .filter((v): v is number => v !== null && Number.isFinite(v));
  const max = Math.max(1e-9, ...values, overall?.value ?? 0) * 1.1;
  const plot = WIDTH - LABEL - 70;
  const x = (v: number) => LABEL + (v / max) * plot;
  const height = rows.length * (BAR + GAP) + 30;
  const show = (value: number | null) => formatMetricValue(value, rows[0]?.unit);
  const bars = rows
    .map((row, i) => {
      const y = 10 + i * (BAR + GAP);
      const value = row.value ?? 0;
      const whisker =
        row.ciLow !== null && row.ciHigh !== null
          ? `<line class="ci" x1="${x(row.ciLow)}" x2="${x(row.ciHigh)}" y1="${y + BAR / 2}" y2="${y + BAR / 2}"/>`
          : '';
      return `<g class="bar"><title>${escapeHtml(`${row.subgroup}: ${show(row.value)} ${formatMetricInterval(row.ciLow, row.ciHigh, row.unit)} n=${row.n}`)}</title>
<text x="${LABEL - 8}" y="${y + BAR / 2 + 4}" text-anchor="end">${escapeHtml(row.subgroup.split('=').slice(1).join('='))}</text>
<rect x="${LABEL}" y="${y}" width="${Math.max(1, x(value) - LABEL)}" height="${BAR}"/>${whisker}
<text x="${x(Math.max(value, row.ciHigh ?? 0)) + 6}" y="${y + BAR / 2 + 4}">${show(row.value)}</text></g>`;
    })
    .join('\n');
  const line =
    overall?.value !== null && overall?.value !== undefined
      ? `<line class="overall" x1="${x(overall.value)}" x2="${x(overall.value)}" y1="4" y2="${height - 22}"/>
<text class="axis" x="${x(overall.value)}" y="${height - 8}" text-anchor="middle">all ${show(overall.value)}</text>`
      : '';
  return `<figure class="chart"><figcaption>${escapeHtml(metric)} by ${escapeHtml(attribute)}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(`${metric} by ${attribute}`)}" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">
${bars}
${line}
</svg></figure>`;
}
