import { count, day, formatInterval, formatValue, shortHash } from './card-numbers';
import type { CardEvaluation, CardMetric, ServiceCard } from './card-types';
import { READING_GUIDE } from './card-words';
import type { CardComparison } from './compare-cards';

/**
 * Text from stored rows (names, titles, the hand-written notes) as inert Markdown: no raw HTML a
 * renderer would run, no table cell broken by a pipe or a newline.
 */
export function md(text: unknown): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
}

const value = (m: CardMetric) => formatValue(m.value, m.statKind);
const interval = (m: CardMetric) =>
  formatInterval(m.ciLow, m.ciHigh, (x) => formatValue(x, m.statKind));
const table = (header: string[], rows: string[][]) =>
  [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

/** The card as Markdown: the same sections, numbers and sentences as the JSON. */
export function renderCardMarkdown(card: ServiceCard, comparison?: CardComparison): string {
  const { model } = card;
  const out: string[] = [
    `# Service card: ${md(model.name)} ${md(model.version)}`,
    `_Generated ${card.generatedAt} from stored results by Lastmile. Card version ${shortHash(card.identity.versionKey)} (content ${shortHash(card.identity.contentHash)}), summarizing ${count(card.identity.runIds.length, 'run')} (runs ${shortHash(card.identity.runsHash)}). ${md(card.scope.text)}_`,
    '## Identity and version',
    table(
      ['', ''],
      [
        ['Model', `${md(model.name)} version ${md(model.version)} (${md(model.modality)})`],
        ['Model id', `\`${model.id}\``],
        ['Adapter spec hash', `\`${model.adapterSpecHash}\``],
        ['Registered', day(model.registeredAt)],
        ['First evaluation', day(model.firstEvaluatedAt)],
        ['Last evaluation', day(model.lastEvaluatedAt)],
        ['Finished runs', String(model.finishedRuns)],
      ],
    ),
    '## Intended use',
    '_Written by the model’s owners, not measured._',
    `- **Intended use:** ${md(card.intendedUse.intendedUse ?? 'not stated')}`,
    `- **Out of scope:** ${md(card.intendedUse.outOfScope ?? 'not stated')}`,
    `- **Contact:** ${md(card.intendedUse.contact ?? 'not stated')}`,
    '## What was evaluated',
  ];
  if (card.evaluations.length === 0) out.push('No finished evaluation yet.');
  for (const e of card.evaluations) out.push(...evaluationSection(e));
  out.push(...driftSection(card), '## Known limitations', '_Derived from the data above._');
  out.push(...card.limitations.map((l) => `- ${md(l.text)}`));
  if (card.limitations.length === 0) out.push('None found in the data.');
  out.push('## How to reproduce');
  out.push(
    `Harness version${card.reproduce.harnessVersions.length === 1 ? '' : 's'}: ${card.reproduce.harnessVersions.map(md).join(', ') || 'not recorded'}. Re-run a plan with \`POST /v1/plans/{id}/runs\`: it uses the same seed, sample and slices; a model decoding at temperature 0 should answer the same.`,
    ...card.reproduce.plans.map(
      (p) =>
        `- Plan ${md(p.planName)} (\`${p.planId}\`): ${md(p.scenario)} on ${p.slices.map(md).join(', ')}; seed ${p.seed}, ${p.sampleSize === null ? 'every item' : `a sample of ${p.sampleSize}`}; runs ${p.runIds.map((id) => `\`${id}\``).join(', ')}.`,
    ),
  );
  if (comparison) out.push(...comparisonSection(comparison));
  out.push('## How to read the numbers', ...READING_GUIDE.map((line) => `- ${line}`));
  return `${out.join('\n\n')}\n`;
}

function evaluationSection(e: CardEvaluation): string[] {
  const lines = [
    `### ${md(e.scenario.name)} on ${md(e.slice.name)} v${e.slice.version}`,
    `Plan ${md(e.planName)}; ${e.scenario.kind} scenario${e.scenario.version ? ` version ${md(e.scenario.version)}` : ''}; ${e.slice.public ? 'a public slice' : 'your organisation’s slice'} of ${count(e.slice.items, 'item')}; latest run \`${e.run.id}\` (${e.run.status}) finished ${day(e.run.finishedAt)}.`,
  ];
  if (e.slice.conditions.length)
    lines.push(
      `Conditions: ${e.slice.conditions.map((c) => `${md(c.attribute)} (${c.groups.map((g) => `${md(g.value)}: ${g.n}`).join(', ')})`).join('; ')}.`,
    );
  lines.push(
    '#### Headline metrics',
    table(
      ['Metric', 'Value', '95% interval', 'Items', 'What it says'],
      e.headline.map((m) => [md(m.metric), value(m), interval(m), String(m.n), md(m.text)]),
    ),
  );
  for (const g of e.groups) {
    lines.push(
      `#### ${md(g.metric)} by ${md(g.attribute)}`,
      table(
        ['Group', 'Value', '95% interval', 'Items'],
        g.rows.map((m) => [md(m.subgroup), value(m), interval(m), String(m.n)]),
      ),
    );
  }
  if (e.fairness.length) {
    lines.push('#### Fairness gaps');
    for (const f of e.fairness)
      lines.push(
        `- **${md(f.metric)} across ${md(f.attribute)}.** ${md(f.gapText)} **Verdict:** ${md(f.verdictText)}`,
      );
  }
  if (e.watched.length) {
    lines.push('#### Watched subgroups (accepted bounty findings)');
    for (const w of e.watched)
      lines.push(
        `- ${md(w.metric)} where \`${md(w.predicate)}\` (credited to ${md(w.credit)}): ${md(w.text)}`,
      );
  }
  return lines;
}

function driftSection(card: ServiceCard): string[] {
  const { drift } = card;
  const lines = [
    `## Drift history (last ${drift.windowDays} days)`,
    `${count(drift.open, 'incident')} open, ${drift.resolved} resolved since ${day(drift.since)}.`,
  ];
  if (drift.incidents.length)
    lines.push(
      table(
        ['Opened', 'Resolved', 'Severity', 'Status', 'What', 'Where'],
        drift.incidents.map((i) => [
          day(i.openedAt),
          day(i.resolvedAt),
          i.severity,
          i.status,
          md(i.title),
          `${md(i.slice ?? '—')} (plan ${md(i.planName)})`,
        ]),
      ),
    );
  return lines;
}

function comparisonSection(c: CardComparison): string[] {
  const lines = [
    `## Compared with ${md(c.other.name)} ${md(c.other.version)}`,
    `Adapter spec ${c.adapterSpecChanged ? 'changed' : 'unchanged'}; intended-use notes ${c.intendedUseChanged.length ? `changed (${c.intendedUseChanged.join(', ')})` : 'unchanged'}.`,
  ];
  if (c.onlyHere.length) lines.push(`Evaluated only here: ${c.onlyHere.map(md).join('; ')}.`);
  if (c.onlyThere.length)
    lines.push(`Evaluated only in ${md(c.other.version)}: ${c.onlyThere.map(md).join('; ')}.`);
  lines.push(...c.changes.map((ch) => `- ${md(ch.scenario)} on ${md(ch.slice)}: ${md(ch.text)}`));
  if (c.changes.length === 0) lines.push('No evaluation in common to compare.');
  return lines;
}
