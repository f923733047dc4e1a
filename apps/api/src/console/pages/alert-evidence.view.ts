import { formatInterval, formatMetricChange, formatMetricValue, formatP } from '../views/format';
import { html, trusted, type SafeHtml } from '../views/html';
import { intervalChart, type IntervalRow } from '../views/interval-chart';
import { wordAlignment } from '../views/word-alignment';

type Json = Record<string, unknown>;
type Interval = [number, number] | null;

export interface EvidenceFinding {
  kind: string;
  metric: string;
  subgroup: string;
  severity: string;
  title: string;
  test: string | null;
  pValue: number | null;
  qValue: number | null;
  effect: number | null;
  evidence: Json;
}

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const pair = (x: unknown): Interval =>
  Array.isArray(x) && x.length === 2 && num(x[0]) !== null && num(x[1]) !== null
    ? [x[0] as number, x[1] as number]
    : null;
const side = (x: unknown) => {
  const value = num((x as Json | undefined)?.value);
  return value === null ? null : { value, interval: pair((x as Json).interval) };
};

/** The evidence of one finding in a sentence, as on-call reads it first. */
export function evidenceInWords(evidence: Json, unit?: string): string {
  const kind = String(evidence.kind ?? '');
  const where = evidence.subgroup && evidence.subgroup !== 'all' ? ` for ${evidence.subgroup}` : '';
  const tested = `${evidence.test ?? 'test'}, p = ${formatP(num(evidence.pValue))}${evidence.qValue !== undefined ? `, q = ${formatP(num(evidence.qValue))}` : ''}`;
  if (kind === 'disparity_drift') {
    return `${evidence.hurtGroup} changed by ${formatMetricChange(num(evidence.delta), unit)} while the other groups changed by ${formatMetricChange(num(evidence.restDelta), unit)}: ${evidence.metric} got worse for ${evidence.hurtGroup} by ${formatMetricChange(num(evidence.contrast), unit)} ${formatInterval(pair(evidence.contrastInterval), unit, true)} more than for the rest (${tested}).`;
  }
  if (kind === 'fairness_gap') {
    const worst = evidence.worstGroup as Json | undefined;
    const best = evidence.bestGroup as Json | undefined;
    return `${evidence.base ?? evidence.metric}: ${evidence.attribute}=${worst?.value} (${formatMetricValue(num(worst?.metric), unit)}) is ${formatMetricChange(num(evidence.gap), unit)} ${formatInterval(pair(evidence.gapInterval), unit, true)} from ${evidence.attribute}=${best?.value} (${formatMetricValue(num(best?.metric), unit)}), beyond the tolerance of ${formatMetricChange(num(evidence.tolerance), unit)} (${tested}).`;
  }
  if (kind === 'health') return `The run failed: ${String(evidence.reason ?? 'no reason given')}.`;
  const baseline = side(evidence.baseline);
  const current = side(evidence.current);
  if (kind === 'cusum') {
    return `${evidence.metric}${where} has drifted slowly: the CUSUM statistic ${num(evidence.statistic)} passed its threshold ${num(evidence.threshold)} over ${num(evidence.runsInExcursion)} runs (estimated shift ${formatMetricChange(num(evidence.estimatedShift), unit)}); now ${current ? formatMetricValue(current.value, unit) : '—'}.`;
  }
  if (!baseline || !current) return String(evidence.title ?? '');
  const runs = ((evidence.baseline as Json).runIds as unknown[] | undefined)?.length ?? 0;
  const other = (evidence.baseline as Json).otherVersion
    ? ' (an earlier model or slice version)'
    : '';
  return `${evidence.metric}${where} went from ${formatMetricValue(baseline.value, unit)} ${formatInterval(baseline.interval, unit)} in the baseline of ${runs} run${runs === 1 ? '' : 's'}${other} to ${formatMetricValue(current.value, unit)} ${formatInterval(current.interval, unit)} now: a change of ${formatMetricChange(num(evidence.delta), unit)} ${formatInterval(pair(evidence.deltaInterval), unit, true)} by ${tested}${evidence.paired ? ', paired on the same items' : ''}.`;
}

/** Baseline vs now per group, one chart per metric, from every finding of the latest run. */
export function evidenceCharts(
  findings: readonly EvidenceFinding[],
  unitOf: (metric: string) => string | undefined,
): SafeHtml {
  const byMetric = new Map<string, IntervalRow[]>();
  const add = (metric: string, row: IntervalRow) => {
    const rows = byMetric.get(metric) ?? [];
    if (!rows.some((r) => r.label === row.label)) rows.push(row);
    byMetric.set(metric, rows);
  };
  for (const finding of findings) {
    const e = finding.evidence;
    if (Array.isArray(e.groups) && e.kind === 'disparity_drift') {
      for (const g of e.groups as Json[])
        add(finding.metric, {
          label: String(g.group),
          baseline: side(g.baseline),
          current: side(g.current),
          flagged: g.group === e.hurtGroup,
        });
      continue;
    }
    if (Array.isArray(e.groups) && e.kind === 'fairness_gap') {
      for (const g of e.groups as Json[]) {
        const value = num(g.metric);
        if (value === null) continue;
        add(String(e.base ?? finding.metric), {
          label: `${e.attribute}=${g.value}`,
          baseline: null,
          current: { value, interval: null },
          flagged: g.value === (e.worstGroup as Json | undefined)?.value,
        });
      }
      continue;
    }
    const baseline = side(e.baseline);
    const current = side(e.current);
    if (baseline || current)
      add(finding.metric, { label: finding.subgroup, baseline, current, flagged: true });
  }
  return trusted(
    [...byMetric.entries()]
      .map(([metric, rows]) =>
        intervalChart(
          `${metric}: baseline vs now per group`,
          rows.sort((a, b) => (a.label === 'all' ? -1 : b.label === 'all' ? 1 : 0)),
          unitOf(metric),
        ),
      )
      .join('\n'),
  );
}

export function findingsTable(
  findings: readonly EvidenceFinding[],
  unitOf: (metric: string) => string | undefined,
): SafeHtml {
  if (findings.length === 0)
    return html`<p class="muted">No findings recorded for this incident.</p>`;
  return html`<table>
    <caption>
      Findings of the latest run, worst first
    </caption>
    <thead>
      <tr>
        <th scope="col">#</th>
        <th scope="col">severity</th>
        <th scope="col">finding</th>
        <th scope="col">kind</th>
        <th scope="col">group</th>
        <th scope="col" class="num">effect</th>
        <th scope="col">test</th>
        <th scope="col" class="num">p</th>
        <th scope="col" class="num">q</th>
      </tr>
    </thead>
    <tbody>
      ${findings.map(
        (f, i) =>
          html`<tr>
            <td class="num">${i + 1}</td>
            <td><span class="badge sev-${f.severity}">${f.severity}</span></td>
            <td>${f.title}</td>
            <td>${f.kind}</td>
            <td>${f.subgroup}</td>
            <td class="num">${formatMetricChange(f.effect, unitOf(f.metric))}</td>
            <td>${f.test ?? '—'}</td>
            <td class="num">${formatP(f.pValue)}</td>
            <td class="num">${formatP(f.qValue)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** The items that moved the metric most, with what was asked, expected and answered. */
export function worstItemsView(
  evidence: Json,
  options: { unit?: string; speech: boolean; sliceId: string | null },
): SafeHtml {
  const items = (Array.isArray(evidence.worstItems) ? evidence.worstItems : []) as Json[];
  const rows = items.filter((item) => typeof item === 'object' && item !== null);
  if (rows.length === 0) return html``;
  return html`<h2 id="worst">Worst items</h2>
    <table>
      <thead>
        <tr>
          <th scope="col">item</th>
          <th scope="col" class="num">baseline → now</th>
          <th scope="col">
            ${options.speech ? 'reference above, heard below' : 'input, reference and answer'}
          </th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((item) => {
          const reference = (item.references as string[] | null)?.[0] ?? null;
          const response = (item.responses as string[] | undefined)?.[0] ?? null;
          const detail =
            options.speech && reference !== null && response !== null
              ? wordAlignment(reference, response)
              : html`${item.input ? html`<div><b>input</b> ${String(item.input)}</div>` : ''}
                  <div><b>reference</b> ${reference ?? '—'}</div>
                  <div><b>answer</b> ${response ?? '—'}</div>`;
          const audio =
            options.speech && options.sliceId
              ? html`<div>
                  <audio
                    controls
                    preload="none"
                    src="/console/slices/${options.sliceId}/items/${encodeURIComponent(String(item.itemId))}/audio"
                    aria-label="recording of ${String(item.itemId)}"
                  ></audio>
                </div>`
              : '';
          return html`<tr>
            <td><code>${String(item.itemId)}</code></td>
            <td class="num">
              ${formatMetricValue(num(item.baseline), options.unit)} →
              ${formatMetricValue(num(item.current), options.unit)}
            </td>
            <td>${detail}${audio}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
}
