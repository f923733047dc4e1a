import type { Run } from '@lastmile/persistence';
import { formatAge, formatMetricValue, formatTime } from './format';
import { html, type SafeHtml } from './html';
import { badge } from './layout';

/** "in plain words" of a baseline policy. */
export function baselinePolicyText(policy: {
  kind: string;
  n?: number;
  window?: number;
  runIds?: string[];
  compareAcrossVersions?: boolean;
}): string {
  const across = policy.compareAcrossVersions
    ? '; a new model or slice version is compared with the previous version’s baseline'
    : '; a new model or slice version starts its own baseline';
  if (policy.kind === 'pinned')
    return `pinned to run${(policy.runIds ?? []).length === 1 ? '' : 's'} ${(policy.runIds ?? []).map((id) => id.slice(0, 8)).join(', ')}`;
  if (policy.kind === 'rolling')
    return `rolling: the last ${policy.window ?? policy.n ?? 3} clean runs${across}`;
  const n = policy.n ?? 3;
  return `${n === 1 ? 'the first run' : `the first ${n} runs`}${across}`;
}

/**
 * Runs as rows: status, when, trigger, the overall values of the chosen metrics, and two radio
 * columns that pick the runs to compare (a GET form: no script needed).
 */
export function runsTable(
  runs: readonly Run[],
  options: {
    values: Map<string, Map<string, number | null>>;
    columns: { name: string; unit?: string }[];
    compare: boolean;
    pin?: (run: Run) => SafeHtml | '';
  },
): SafeHtml {
  if (runs.length === 0) return html`<p class="muted">No runs yet.</p>`;
  const now = new Date();
  const rows = runs.map(
    (run, i) =>
      html`<tr>
        ${
          options.compare
            ? html`<td>
                  <input
                    type="radio"
                    name="a"
                    value="${run.id}"
                    aria-label="compare: run ${run.id.slice(0, 8)} as A"
                    ${i === 1 ? html` checked` : ''}
                  />
                </td>
                <td>
                  <input
                    type="radio"
                    name="b"
                    value="${run.id}"
                    aria-label="compare: run ${run.id.slice(0, 8)} as B"
                    ${i === 0 ? html` checked` : ''}
                  />
                </td>`
            : ''
        }
        <td><a href="/console/runs/${run.id}">${run.id.slice(0, 8)}</a></td>
        <td>${badge('st', run.status)}</td>
        <td title="${formatTime(run.queuedAt)}">${formatAge(run.queuedAt, now)} ago</td>
        <td>${run.trigger}</td>
        <td class="num">
          ${run.done}/${run.total}${run.errors ? html` <span class="worse">(${run.errors} errors)</span>` : ''}
        </td>
        ${options.columns.map(
          (c) =>
            html`<td class="num">
              ${formatMetricValue(options.values.get(run.id)?.get(c.name), c.unit)}
            </td>`,
        )}${options.pin ? html`<td>${options.pin(run)}</td>` : ''}
      </tr>`,
  );
  const head = html`<tr>
    ${
      options.compare
        ? html`<th scope="col">A</th>
            <th scope="col">B</th>`
        : ''
    }
    <th scope="col">run</th>
    <th scope="col">status</th>
    <th scope="col">queued</th>
    <th scope="col">trigger</th>
    <th scope="col" class="num">items</th>
    ${options.columns.map((c) => html`<th scope="col" class="num">${c.name}</th>`)}${options.pin ? html`<th scope="col">baseline</th>` : ''}
  </tr>`;
  const table = html`<table>
    <thead>
      ${head}
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
  return options.compare
    ? html`<form method="get" action="/console/compare">
        ${table}
        <p><button class="primary" type="submit">Compare A with B</button></p>
      </form>`
    : table;
}

/** Overall values per run: run id → metric name → the first slice's 'all' value. */
export function overallValues(
  rows: readonly { runId: string; name: string; value: number | null }[],
): Map<string, Map<string, number | null>> {
  const values = new Map<string, Map<string, number | null>>();
  for (const row of rows) {
    const perRun = values.get(row.runId) ?? new Map<string, number | null>();
    if (!perRun.has(row.name)) perRun.set(row.name, row.value);
    values.set(row.runId, perRun);
  }
  return values;
}
