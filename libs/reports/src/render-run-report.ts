import { breakdownChart } from './breakdown-chart';
import { formatMetricInterval, formatMetricValue } from './format-metric';
import { escapeHtml } from './html';
import { REPORT_CSS } from './report-style';
import type { ReportMetric, RunReportData } from './report-data';
import { comparisonSection, incidentsSection, underpoweredSection } from './render-monitoring';
import { wordAlignment } from './word-alignment';

/**
 * A self-contained HTML page for one run: summary, the incidents it raised, metrics, breakdown
 * charts, the comparison with the baselines monitoring used, tests short of power, worst items.
 */
export function renderRunReport(data: RunReportData): string {
  const title = `${data.scenario.name} on ${data.model.name}@${data.model.version}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`Lastmile run ${data.run.id}`)}</title><style>${REPORT_CSS}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p><span class="status status-${escapeHtml(data.run.status)}">${escapeHtml(data.run.status)}</span>
 run <code>${escapeHtml(data.run.id)}</code>${data.plan ? ` of plan <b>${escapeHtml(data.plan.name)}</b>` : ''}</p>
${summary(data)}
${incidentsSection(data)}
${metricsTable(data.metrics)}
${charts(data.metrics)}
${comparisonSection(data)}
${underpoweredSection(data)}
${worstItems(data)}
<footer><p>Generated ${escapeHtml(data.generatedAt.toISOString())} by Lastmile.</p></footer>
</body></html>
`;
}

function summary(data: RunReportData): string {
  const { run } = data;
  const provenance = run.provenance ?? {};
  const rows: [string, string][] = [
    [
      'scenario',
      `${data.scenario.name} (${data.scenario.kind}, version ${String(provenance.scenarioVersion ?? '?')})`,
    ],
    ['instances', `${run.done} of ${run.total} done, ${run.errors} errors`],
    ['trigger', run.trigger],
    ['started', run.startedAt?.toISOString() ?? '—'],
    ['finished', run.finishedAt?.toISOString() ?? '—'],
    ['model spec hash', String(provenance.modelSpecHash ?? '—')],
    ['harness version', String(provenance.harnessVersion ?? '—')],
    ['seed', String(provenance.seed ?? '—')],
  ];
  if (run.errorSummary) rows.push(['errors', JSON.stringify(run.errorSummary)]);
  return `<h2>Summary</h2><dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
}

function metricsTable(metrics: ReportMetric[]): string {
  if (metrics.length === 0)
    return '<h2>Metrics</h2><p>No metrics: the run produced no successful instances.</p>';
  const rows = metrics
    .filter((m) => m.subgroup === 'all')
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.slice)}</td><td>${escapeHtml(m.name)}</td><td class="num">${formatMetricValue(m.value, m.unit)}</td><td class="num">${formatMetricInterval(m.ciLow, m.ciHigh, m.unit) || '—'}</td><td class="num">${m.n}</td></tr>`,
    );
  return `<h2>Metrics</h2><table><thead><tr><th>slice</th><th>metric</th><th>value</th><th>95% interval</th><th>n</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** One chart per metric and attribute that has at least two values. */
function charts(metrics: ReportMetric[]): string {
  const groups = new Map<string, ReportMetric[]>();
  for (const m of metrics) {
    if (m.subgroup === 'all' || !m.subgroup.includes('=')) continue;
    const key = `${m.slice}\u0000${m.name}\u0000${m.subgroup.split('=')[0]}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const figures = [...groups.entries()]
    .filter(([, rows]) => rows.length >= 2)
    .map(([key, rows]) => {
      const [slice, name, attribute] = key.split('\u0000');
      const overall = metrics.find(
        (m) => m.slice === slice && m.name === name && m.subgroup === 'all',
      );
      return breakdownChart(
        name,
        attribute,
        rows.sort((a, b) => a.subgroup.localeCompare(b.subgroup)),
        overall,
      );
    });
  return figures.length ? `<h2>Breakdown by attribute</h2>${figures.join('\n')}` : '';
}

function worstItems(data: RunReportData): string {
  if (data.worstItems.length === 0) return '';
  const rows = data.worstItems.map((item) => {
    const detail =
      data.speech && item.reference !== null && item.response !== null
        ? wordAlignment(item.reference, item.response)
        : `<div><b>reference</b> ${escapeHtml(item.reference ?? '—')}</div><div><b>response</b> ${escapeHtml(item.error ? `error: ${item.error}` : (item.response ?? '—'))}</div>`;
    const attributes = Object.entries(item.attributes)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    return `<tr><td><code>${escapeHtml(item.itemId)}</code><br><small>${escapeHtml(attributes)}</small></td><td class="num">${formatMetricValue(item.value, data.headlineUnit)}</td><td>${item.input && !data.speech ? `<div><b>input</b> ${escapeHtml(item.input)}</div>` : ''}${detail}</td></tr>`;
  });
  return `<h2>Worst items${data.headlineMetric ? ` by ${escapeHtml(data.headlineMetric)}` : ''}</h2><table><thead><tr><th>item</th><th>value</th><th>reference vs response</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
