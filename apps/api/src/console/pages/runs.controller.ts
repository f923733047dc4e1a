import { Controller, Get, Param, Query, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { RUN_STATUSES, type RunStatus } from '@lastmile/persistence';
import { ConsoleRoute } from '../../auth/auth.decorators';
import { invalid } from '../../common/problem.exception';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { PlansService } from '../../plans/plans.service';
import { RunsService } from '../../runs/runs.service';
import { ConsoleExceptionFilter } from '../console-exception.filter';
import { ConsoleHeadersInterceptor, CurrentViewer } from '../console-http';
import { ConsoleLookups } from '../console-lookups.service';
import { RunComparisonService } from '../run-comparison.service';
import {
  formatInterval,
  formatMetricChange,
  formatMetricValue,
  formatP,
  formatTime,
} from '../views/format';
import { html } from '../views/html';
import { badge, page, type Viewer } from '../views/layout';
import { Database } from '@lastmile/persistence';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Runs: the latest ones, one run's numbers, and two runs side by side. */
@ApiExcludeController()
@Controller('console')
@ConsoleRoute()
@UseFilters(ConsoleExceptionFilter)
@UseInterceptors(ConsoleHeadersInterceptor)
export class ConsoleRunsController {
  constructor(
    private readonly runs: RunsService,
    private readonly plans: PlansService,
    private readonly comparison: RunComparisonService,
    private readonly lookups: ConsoleLookups,
    private readonly database: Database,
  ) {}

  @Get('runs')
  async list(@CurrentViewer() viewer: Viewer, @Query('status') status?: string) {
    const wanted = RUN_STATUSES.includes(status as RunStatus) ? (status as RunStatus) : undefined;
    const runs = await this.runs.list(viewer.principal, { status: wanted, limit: 50 });
    const plans = new Map((await this.plans.list(viewer.principal)).map((p) => [p.id, p.name]));
    const now = Date.now();
    return page({
      title: 'Runs',
      section: 'runs',
      viewer: { ...viewer, tenantName: await this.lookups.tenantName(viewer.principal.tenantId) },
      lead: 'The latest 50 runs you can see, newest first.',
      body: html`<form class="filters" method="get" action="/console/runs">
          <label
            >Status<select name="status">
              <option value="">any</option>
              ${RUN_STATUSES.map((s) => html`<option${s === wanted ? html` selected` : ''}>${s}</option>`)}
            </select></label
          ><button class="primary" type="submit">Show</button>
        </form>
        <table>
          <thead>
            <tr>
              <th scope="col">run</th>
              <th scope="col">plan</th>
              <th scope="col">status</th>
              <th scope="col">queued</th>
              <th scope="col">trigger</th>
              <th scope="col" class="num">items</th>
            </tr>
          </thead>
          <tbody>
            ${runs.map(
              (r) =>
                html`<tr>
                  <td><a href="/console/runs/${r.id}">${r.id.slice(0, 8)}</a></td>
                  <td>
                    ${r.planId ? html`<a href="/console/plans/${r.planId}">${plans.get(r.planId) ?? r.planId.slice(0, 8)}</a>` : 'CLI'}
                  </td>
                  <td>${badge('st', r.status)}</td>
                  <td>
                    ${formatTime(r.queuedAt)}
                    <span class="muted"
                      >(${Math.round((now - new Date(r.queuedAt).getTime()) / 60_000)} min
                      ago)</span
                    >
                  </td>
                  <td>${r.trigger}</td>
                  <td class="num">${r.done}/${r.total}</td>
                </tr>`,
            )}
          </tbody>
        </table>`,
    });
  }

  @Get('runs/:id')
  async run(@CurrentViewer() viewer: Viewer, @Param('id', UuidParamPipe) id: string) {
    const run = await this.runs.get(viewer.principal, id);
    const [metrics, definitions, plan, tenantName] = await Promise.all([
      this.runs.metrics(viewer.principal, id, {}),
      this.lookups.metrics(run.scenarioId),
      run.planId ? this.plans.get(viewer.principal, run.planId).catch(() => null) : null,
      this.lookups.tenantName(viewer.principal.tenantId),
    ]);
    const slices = await this.lookups.sliceNames(metrics.map((m) => m.slice));
    const previous = plan
      ? (await this.runs.list(viewer.principal, { planId: plan.id, limit: 10 })).find(
          (r) => r.id !== run.id && new Date(r.queuedAt) < new Date(run.queuedAt),
        )
      : undefined;
    const incidents = run.monitoring?.incidents ?? [];
    const rows = metrics.map((m) => {
      const unit = definitions.get(m.name)?.unit;
      return html`<tr>
        <td>${slices.get(m.slice) ?? m.slice}</td>
        <td>${m.name}</td>
        <td>${m.subgroup}</td>
        <td class="num">${formatMetricValue(m.value, unit)}</td>
        <td class="num">
          ${formatInterval(m.ciLow !== null && m.ciHigh !== null ? [m.ciLow, m.ciHigh] : null, unit)}
        </td>
        <td class="num">${m.n}</td>
      </tr>`;
    });
    return page({
      title: `Run ${run.id.slice(0, 8)}`,
      section: 'runs',
      viewer: { ...viewer, tenantName },
      body: html`<dl class="facts">
          <dt>status</dt>
          <dd>${badge('st', run.status)}</dd>
          <dt>plan</dt>
          <dd>${plan ? html`<a href="/console/plans/${plan.id}">${plan.name}</a>` : '—'}</dd>
          <dt>queued</dt>
          <dd>${formatTime(run.queuedAt)} (${run.trigger})</dd>
          <dt>finished</dt>
          <dd>${formatTime(run.finishedAt)}</dd>
          <dt>items</dt>
          <dd>${run.done} of ${run.total} done, ${run.errors} errors</dd>
          <dt>monitoring</dt>
          <dd>
            ${run.monitoring?.status ?? '—'}${incidents.length ? html`: ${incidents.map((i, n) => html`${n ? ', ' : ''}<a href="/console/alerts/${i.id}">${i.type} (${i.action}, ${i.findings} finding${i.findings === 1 ? '' : 's'})</a>`)}` : ''}
          </dd>
          <dt>more</dt>
          <dd>
            <a href="/v1/runs/${run.id}/report">run report</a
            >${previous ? html` · <a href="/console/compare?a=${previous.id}&amp;b=${run.id}">compare with the previous run</a>` : ''}
          </dd>
        </dl>
        <h2>Metrics</h2>
        ${
          metrics.length
            ? html`<table>
                <thead>
                  <tr>
                    <th scope="col">slice</th>
                    <th scope="col">metric</th>
                    <th scope="col">group</th>
                    <th scope="col" class="num">value</th>
                    <th scope="col" class="num">95% interval</th>
                    <th scope="col" class="num">n</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows}
                </tbody>
              </table>`
            : html`<p class="muted">No metrics (yet).</p>`
        }`,
    });
  }

  /** Two runs side by side: per metric and group, A → B with the paired test and interval. */
  @Get('compare')
  async compare(@CurrentViewer() viewer: Viewer, @Query('a') a?: string, @Query('b') b?: string) {
    if (!a || !b || !UUID.test(a) || !UUID.test(b))
      throw invalid('choose two runs to compare (?a=<run id>&b=<run id>)', [
        ...(a && UUID.test(a) ? [] : [{ field: 'a', reason: 'a run id is required' }]),
        ...(b && UUID.test(b) ? [] : [{ field: 'b', reason: 'a run id is required' }]),
      ]);
    const result = await this.comparison.compare(
      viewer.principal,
      a.toLowerCase(),
      b.toLowerCase(),
    );
    const unit = (name: string) => result.metrics.get(name)?.unit;
    const byMetric = new Map<string, typeof result.cells>();
    for (const cell of result.cells)
      byMetric.set(cell.metric, [...(byMetric.get(cell.metric) ?? []), cell]);
    const verdict = (cell: (typeof result.cells)[number]) => {
      if (cell.qValue >= 0.05) return html`<span class="same">no significant change</span>`;
      return cell.pWorse < cell.pBetter
        ? html`<span class="worse">worse</span>`
        : html`<span class="better">better</span>`;
    };
    const tables = [...byMetric.entries()].map(
      ([metric, cells]) =>
        html`<table>
          <caption>
            ${metric}
          </caption>
          <thead>
            <tr>
              <th scope="col">slice</th>
              <th scope="col">group</th>
              <th scope="col" class="num">A</th>
              <th scope="col" class="num">B</th>
              <th scope="col" class="num">B − A [95% interval]</th>
              <th scope="col">test</th>
              <th scope="col" class="num">n pairs</th>
              <th scope="col" class="num">p</th>
              <th scope="col" class="num">q</th>
              <th scope="col">verdict</th>
            </tr>
          </thead>
          <tbody>
            ${cells.map(
              (c) =>
                html`<tr>
                  <td>${c.slice}</td>
                  <td>${c.subgroup}</td>
                  <td class="num">${formatMetricValue(c.baselineValue, unit(metric))}</td>
                  <td class="num">${formatMetricValue(c.currentValue, unit(metric))}</td>
                  <td class="num">
                    ${formatMetricChange(c.delta, unit(metric))}
                    ${formatInterval(c.deltaInterval, unit(metric), true)}
                  </td>
                  <td>
                    ${c.test}${c.status !== 'tested' ? html` <span class="muted">(${c.status})</span>` : ''}
                  </td>
                  <td class="num">${c.n.current}</td>
                  <td class="num">${formatP(c.pValue)}</td>
                  <td class="num">${formatP(c.qValue)}</td>
                  <td>${verdict(c)}</td>
                </tr>`,
            )}
          </tbody>
        </table>`,
    );
    const headlineUnit = result.headline ? unit(result.headline) : undefined;
    const changed = result.changed.length
      ? html`<table>
          <thead>
            <tr>
              <th scope="col">item</th>
              <th scope="col" class="num">A → B</th>
              <th scope="col">reference</th>
              <th scope="col">answer in A</th>
              <th scope="col">answer in B</th>
            </tr>
          </thead>
          <tbody>
            ${result.changed.map(
              (item) =>
                html`<tr>
                  <td>
                    <code>${item.itemId}</code><br /><small class="muted">${item.slice}</small>
                  </td>
                  <td class="num">
                    ${formatMetricValue(item.a, headlineUnit)} →
                    ${formatMetricValue(item.b, headlineUnit)}
                  </td>
                  <td>${item.reference ?? '—'}</td>
                  <td>${item.answerA ?? '—'}</td>
                  <td>${item.answerB ?? '—'}</td>
                </tr>`,
            )}
          </tbody>
        </table>`
      : html`<p class="muted">No item changed its ${result.headline ?? 'value'}.</p>`;
    const describe = (label: string, run: typeof result.a) =>
      html`<dt>${label}</dt>
        <dd>
          <a href="/console/runs/${run.id}">${run.id}</a> ${badge('st', run.status)} queued
          ${formatTime(run.queuedAt)}
        </dd>`;
    return page({
      title: 'Compare two runs',
      section: 'runs',
      viewer: { ...viewer, tenantName: await this.lookups.tenantName(viewer.principal.tenantId) },
      lead: 'B against A on the items both runs scored: the monitor’s paired tests (McNemar or sign flips for small groups, paired bootstrap or score tests from 30 items), 95% intervals of B − A, Benjamini–Hochberg q across every row.',
      body: html`<dl class="facts">${describe('A', result.a)}${describe('B', result.b)}</dl>
        ${result.notes.map((n) => html`<p class="notice">${n}</p>`)}
        <p><a href="/console/compare?a=${result.b.id}&amp;b=${result.a.id}">Swap A and B</a></p>
        <h2>Per metric and group</h2>
        ${tables.length ? tables : html`<p class="muted">Nothing to compare.</p>`}
        ${result.skipped.length ? html`<p class="muted">Too small to test: ${result.skipped.map((s) => `${s.metric} ${s.subgroup} (n=${s.n})`).join(', ')}.</p>` : ''}
        <h2>Items that changed</h2>
        <p class="lead">
          ${result.changedCount} item${result.changedCount === 1 ? '' : 's'} changed
          ${result.headline ?? ''}${result.changedCount > result.changed.length ? `; the ${result.changed.length} largest changes` : ''}.
        </p>
        ${changed}`,
    });
  }
}
