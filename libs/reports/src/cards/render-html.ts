import { escapeHtml } from '../html';
import { REPORT_CSS } from '../report-style';
import { intervalChart } from './card-chart';
import { count, day, formatInterval, formatValue, shortHash } from './card-numbers';
import type { CardEvaluation, CardMetric, ServiceCard } from './card-types';
import { READING_GUIDE } from './card-words';
import type { CardComparison } from './compare-cards';

const CARD_CSS = `${REPORT_CSS}
.note { color: #5b6475; font-style: italic; } .verdict { font-weight: 600; }
li { margin: .3rem 0; } .better { color: #1e7b3c; } .worse { color: #b3261e; font-weight: 600; }
`;

const h = escapeHtml;
const value = (m: CardMetric) => formatValue(m.value, m.statKind);
const interval = (m: CardMetric) =>
  formatInterval(m.ciLow, m.ciHigh, (x) => formatValue(x, m.statKind));
const rowsOf = (cells: string[][]) =>
  cells.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
const tableOf = (header: string[], cells: string[][]) =>
  `<table><thead><tr>${header.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead><tbody>${rowsOf(cells)}</tbody></table>`;

/** The card as one self-contained HTML page: inline CSS and SVG charts, no script, no fetch. */
export function renderCardHtml(card: ServiceCard, comparison?: CardComparison): string {
  const { model } = card;
  const title = `Service card: ${model.name} ${model.version}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title><style>${CARD_CSS}</style></head>
<body>
<h1>${h(title)}</h1>
<p class="note">Generated ${h(card.generatedAt)} from stored results by Lastmile. Card version ${h(shortHash(card.identity.versionKey))} (content ${h(shortHash(card.identity.contentHash))}), summarizing ${h(count(card.identity.runIds.length, 'run'))}. ${h(card.scope.text)}</p>
<h2>Identity and version</h2>
<dl>${[
    ['Model', `${model.name} version ${model.version} (${model.modality})`],
    ['Model id', model.id],
    ['Adapter spec hash', model.adapterSpecHash],
    ['Registered', day(model.registeredAt)],
    ['First evaluation', day(model.firstEvaluatedAt)],
    ['Last evaluation', day(model.lastEvaluatedAt)],
    ['Finished runs', String(model.finishedRuns)],
  ]
    .map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v)}</dd>`)
    .join('')}</dl>
<h2>Intended use</h2><p class="note">Written by the model’s owners, not measured.</p>
<dl><dt>Intended use</dt><dd>${h(card.intendedUse.intendedUse ?? 'not stated')}</dd>
<dt>Out of scope</dt><dd>${h(card.intendedUse.outOfScope ?? 'not stated')}</dd>
<dt>Contact</dt><dd>${h(card.intendedUse.contact ?? 'not stated')}</dd></dl>
<h2>What was evaluated</h2>
${card.evaluations.length ? card.evaluations.map(evaluationSection).join('\n') : '<p>No finished evaluation yet.</p>'}
${driftSection(card)}
<h2>Known limitations</h2><p class="note">Derived from the data above.</p>
${card.limitations.length ? `<ul>${card.limitations.map((l) => `<li>${h(l.text)}</li>`).join('')}</ul>` : '<p>None found in the data.</p>'}
<h2>How to reproduce</h2>
<p>Harness: ${h(card.reproduce.harnessVersions.join(', ') || 'not recorded')}. Re-run a plan with <code>POST /v1/plans/{id}/runs</code>: same seed, sample and slices.</p>
<ul>${card.reproduce.plans.map((p) => `<li>Plan ${h(p.planName)} (<code>${h(p.planId)}</code>): ${h(p.scenario)} on ${h(p.slices.join(', '))}; seed ${p.seed}; runs ${p.runIds.map((id) => `<code>${h(id)}</code>`).join(', ')}</li>`).join('')}</ul>
${comparison ? comparisonSection(comparison) : ''}
<h2>How to read the numbers</h2><ul>${READING_GUIDE.map((line) => `<li>${h(line)}</li>`).join('')}</ul>
</body></html>
`;
}

function evaluationSection(e: CardEvaluation): string {
  const charts = e.groups.map((g) =>
    intervalChart(
      `${g.metric} by ${g.attribute}`,
      g.rows.map((m) => ({
        label: m.subgroup.slice(m.subgroup.indexOf('=') + 1),
        value: m.value,
        low: m.ciLow,
        high: m.ciHigh,
        n: m.n,
      })),
      (x) => formatValue(x, g.rows[0]?.statKind ?? 'mean'),
      g.overall?.value,
    ),
  );
  const headlineChart = e.headline.length
    ? intervalChart(
        'Headline metrics with 95% intervals',
        e.headline.map((m) => ({
          label: m.metric,
          value: m.value,
          low: m.ciLow,
          high: m.ciHigh,
          n: m.n,
        })),
        (x) => String(Number(x.toFixed(3))),
      )
    : '';
  return `<section><h3>${h(e.scenario.name)} on ${h(e.slice.name)} v${e.slice.version}</h3>
<p>Plan ${h(e.planName)}; ${h(e.scenario.kind)} scenario; ${e.slice.public ? 'a public slice' : 'your organisation’s slice'} of ${h(count(e.slice.items, 'item'))}; latest run <code>${h(e.run.id)}</code> (${h(e.run.status)}) finished ${h(day(e.run.finishedAt))}.</p>
${e.slice.conditions.length ? `<p>Conditions: ${h(e.slice.conditions.map((c) => `${c.attribute} (${c.groups.map((g) => `${g.value}: ${g.n}`).join(', ')})`).join('; '))}.</p>` : ''}
${tableOf(
  ['Metric', 'Value', '95% interval', 'Items', 'What it says'],
  e.headline.map((m) => [h(m.metric), h(value(m)), h(interval(m)), String(m.n), h(m.text)]),
)}
${headlineChart}
${e.groups
  .map(
    (g) =>
      `<h4>${h(g.metric)} by ${h(g.attribute)}</h4>${tableOf(
        ['Group', 'Value', '95% interval', 'Items'],
        g.rows.map((m) => [h(m.subgroup), h(value(m)), h(interval(m)), String(m.n)]),
      )}`,
  )
  .join('\n')}
${charts.join('\n')}
${e.fairness.length ? `<h4>Fairness gaps</h4><ul>${e.fairness.map((f) => `<li><b>${h(f.metric)} across ${h(f.attribute)}.</b> ${h(f.gapText)} <span class="verdict">Verdict: ${h(f.verdictText)}</span></li>`).join('')}</ul>` : ''}
${e.watched.length ? `<h4>Watched subgroups (accepted bounty findings)</h4><ul>${e.watched.map((w) => `<li>${h(w.metric)} where <code>${h(w.predicate)}</code> (credited to ${h(w.credit)}): ${h(w.text)}</li>`).join('')}</ul>` : ''}
</section>`;
}

function driftSection(card: ServiceCard): string {
  const { drift } = card;
  const table = drift.incidents.length
    ? tableOf(
        ['Opened', 'Resolved', 'Severity', 'Status', 'What', 'Where'],
        drift.incidents.map((i) => [
          day(i.openedAt),
          day(i.resolvedAt),
          h(i.severity),
          h(i.status),
          h(i.title),
          h(`${i.slice ?? '—'} (plan ${i.planName})`),
        ]),
      )
    : '';
  return `<h2>Drift history (last ${drift.windowDays} days)</h2><p>${h(count(drift.open, 'incident'))} open, ${drift.resolved} resolved since ${h(day(drift.since))}.</p>${table}`;
}

function comparisonSection(c: CardComparison): string {
  const items = c.changes.map((ch) => {
    const cls = ch.verdict === 'better' ? 'better' : ch.verdict === 'worse' ? 'worse' : '';
    return `<li class="${cls}">${h(`${ch.scenario} on ${ch.slice}: ${ch.text}`)}</li>`;
  });
  return `<h2>Compared with ${h(c.other.name)} ${h(c.other.version)}</h2>
<p>Adapter spec ${c.adapterSpecChanged ? 'changed' : 'unchanged'}; intended-use notes ${h(c.intendedUseChanged.length ? `changed (${c.intendedUseChanged.join(', ')})` : 'unchanged')}.</p>
${c.onlyHere.length ? `<p>Evaluated only here: ${h(c.onlyHere.join('; '))}.</p>` : ''}
${c.onlyThere.length ? `<p>Evaluated only in ${h(c.other.version)}: ${h(c.onlyThere.join('; '))}.</p>` : ''}
${items.length ? `<ul>${items.join('')}</ul>` : '<p>No evaluation in common to compare.</p>'}`;
}
