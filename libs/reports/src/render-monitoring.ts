import { formatMetricChange, formatMetricInterval, formatMetricValue } from './format-metric';
import { escapeHtml } from './html';
import type {
  ReportComparison,
  ReportIncident,
  ReportUnderpowered,
  RunReportData,
} from './report-data';

const p = (value: number | null) => (value === null ? '—' : value.toPrecision(3));

/** Every incident the run raised or touched, with each finding's test, p, q and effect. */
export function incidentsSection(data: RunReportData): string {
  if (data.incidents.length === 0)
    return `<h2>Incidents raised by this run</h2><p>None: this run raised no incident${data.plan ? '' : ' (it belongs to no plan)'}.</p>`;
  return `<h2>Incidents raised by this run</h2>${data.incidents.map(incident).join('\n')}`;
}

function incident(i: ReportIncident): string {
  const status = i.status ? `, now ${escapeHtml(i.status)}` : '';
  const head = `<h3 class="incident"><span class="sev sev-${escapeHtml(i.severity)}">${escapeHtml(i.severity)}</span> ${escapeHtml(i.type)}: ${escapeHtml(i.title ?? i.id)}</h3>
<p>This run: <b>${escapeHtml(i.action)}</b>${status}. Incident <code>${escapeHtml(i.id)}</code>.</p>`;
  if (i.findings.length === 0)
    return `${head}<p>No finding of this run${i.action === 'resolve' ? ': its tests were clean' : ''}.</p>`;
  const rows = i.findings.map(
    (f) =>
      `<tr><td>${escapeHtml(f.kind)}</td><td>${escapeHtml(f.metric)}</td><td>${escapeHtml(f.subgroup)}</td><td>${escapeHtml(f.severity)}</td><td class="num">${formatMetricValue(f.from, f.unit)} → ${formatMetricValue(f.to, f.unit)}</td><td class="num">${f.n ?? '—'}</td><td>${escapeHtml(f.test ?? '—')}</td><td class="num">${p(f.pValue)}</td><td class="num">${p(f.qValue)}</td><td class="num">${formatMetricChange(f.effect, f.unit, { signed: false })}</td></tr>`,
  );
  return `${head}<table class="findings"><thead><tr><th>finding</th><th>metric</th><th>subgroup</th><th>severity</th><th>baseline → now (tested items)</th><th>n tested</th><th>test</th><th>p</th><th>q</th><th>effect (worse by)</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The run against the baseline the monitor compared it with, per metric and subgroup. */
export function comparisonSection(data: RunReportData): string {
  const notes = data.comparisonNotes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('');
  if (data.comparisons.length === 0) return `<h2>Compared with the baseline</h2>${notes}`;
  const rows = data.comparisons.map(comparisonRow);
  return `<h2>Compared with the baseline</h2>
<p>Each metric and subgroup against the baseline drift monitoring compared it with when the run ended (before the run joined any baseline).</p>${notes}
<table class="comparisons"><thead><tr><th>slice</th><th>metric</th><th>subgroup</th><th>baseline</th><th>this run</th><th>change</th><th>finding</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function comparisonRow(c: ReportComparison): string {
  const b = c.baseline;
  const delta =
    c.current?.value !== null && c.current?.value !== undefined && b.value !== null
      ? c.current.value - b.value
      : null;
  const source = [
    `${b.runIds.length} run${b.runIds.length === 1 ? '' : 's'} of ${b.slice}`,
    b.pinned ? 'pinned' : b.policy,
    b.otherVersion ? 'an earlier version' : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `<tr><td>${escapeHtml(c.slice)}</td><td>${escapeHtml(c.name)}</td><td>${escapeHtml(c.subgroup)}</td><td class="num">${formatMetricValue(b.value, c.unit)} ${formatMetricInterval(b.ciLow, b.ciHigh, c.unit)}<br><small title="${escapeHtml(`baseline runs: ${b.runIds.join(', ')}`)}">${escapeHtml(source)}</small></td><td class="num">${formatMetricValue(c.current?.value, c.unit)} ${formatMetricInterval(c.current?.ciLow, c.current?.ciHigh, c.unit)}${c.current ? `<br><small>n=${c.current.n}</small>` : ''}</td><td class="num ${changeClass(c, delta)}">${formatMetricChange(delta, c.unit)}</td><td>${escapeHtml(c.findings.join(', '))}</td></tr>`;
}

/** worse / better by the metric's direction; a zero change, or a metric with no better side, is neither. */
export function changeClass(
  c: Pick<ReportComparison, 'direction' | 'descriptive'>,
  delta: number | null,
): string {
  if (delta === null || delta === 0 || !c.direction || c.descriptive) return 'same';
  const worse = c.direction === 'lower_is_better' ? delta > 0 : delta < 0;
  return worse ? 'worse' : 'better';
}

/** Tests run short of power, or too small to run: n and the smallest change they detect. */
export function underpoweredSection(data: RunReportData): string {
  if (data.underpowered.length === 0) return '';
  const rows = data.underpowered.map(
    (u: ReportUnderpowered) =>
      `<tr><td>${escapeHtml(u.slice)}</td><td>${escapeHtml(u.kind)}</td><td>${escapeHtml(u.metric)}</td><td>${escapeHtml(u.subgroup)}</td><td class="num">${u.n}</td><td class="num">${formatMetricChange(u.mde, u.unit, { signed: false })}</td><td>${escapeHtml(u.status)}</td></tr>`,
  );
  return `<h2>Tests short of power</h2>
<p>These groups are too small for their test to see every change that matters: the MDE is the smallest change the test detects with 80% power.</p>
<table class="underpowered"><thead><tr><th>slice</th><th>test</th><th>metric</th><th>subgroup</th><th>n</th><th>MDE</th><th>status</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
