import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Redirect,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Database, type Run } from '@lastmile/persistence';
import { AlertsService } from '../../alerts/alerts.service';
import { ConsoleRoute, mayUse, SameRolesAs } from '../../auth/auth.decorators';
import { pinBaselineSchema } from '../../baselines/baseline.dto';
import { BaselinesController } from '../../baselines/baselines.controller';
import { BaselinesService } from '../../baselines/baselines.service';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { parseOrThrow } from '../../common/zod-body.pipe';
import { PlansService } from '../../plans/plans.service';
import { RunsService } from '../../runs/runs.service';
import { ConsoleExceptionFilter } from '../console-exception.filter';
import { ConsoleHeadersInterceptor, CurrentViewer } from '../console-http';
import { ConsoleLookups } from '../console-lookups.service';
import { formatAge, formatMetricValue, formatTime } from '../views/format';
import { html } from '../views/html';
import { badge, csrfField, page, type Viewer } from '../views/layout';
import { baselinePolicyText, overallValues, runsTable } from '../views/run-views';

/** Plans: every caller's (a customer's: its tenant's) with the latest result and open incidents. */
@ApiExcludeController()
@Controller('console/plans')
@ConsoleRoute()
@UseFilters(ConsoleExceptionFilter)
@UseInterceptors(ConsoleHeadersInterceptor)
export class ConsolePlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly runs: RunsService,
    private readonly alerts: AlertsService,
    private readonly baselines: BaselinesService,
    private readonly lookups: ConsoleLookups,
    private readonly database: Database,
  ) {}

  @Get()
  async list(@CurrentViewer() viewer: Viewer) {
    const plans = (await this.plans.list(viewer.principal)).filter((p) => !p.deletedAt);
    const ids = plans.map((p) => p.id);
    const { runs, metrics, alerts } = this.database.stores;
    const [latest, open, models, tenantName] = await Promise.all([
      runs.latestOfPlans(ids),
      alerts.unresolvedCounts(ids),
      this.lookups.modelNames(plans.map((p) => p.modelId)),
      this.lookups.tenantName(viewer.principal.tenantId),
    ]);
    const latestOf = new Map(latest.map((r) => [r.planId, r]));
    const values = overallValues(await metrics.overallOfRuns(latest.map((r) => r.id)));
    const definitions = await Promise.all(plans.map((p) => this.lookups.metrics(p.scenarioId)));
    const now = new Date();
    const rows = plans.map((plan, i) => {
      const run = latestOf.get(plan.id);
      const headline = [...definitions[i].values()].find(
        (d) => !d.descriptive && d.level !== 'run',
      );
      const value = run && headline ? values.get(run.id)?.get(headline.name) : undefined;
      const counts = open.get(plan.id) ?? {};
      const incidents = (['critical', 'warning', 'info'] as const)
        .filter((s) => counts[s])
        .map((s) => html`${badge('sev', s)} ${counts[s]} `);
      return html`<tr>
        <td><a href="/console/plans/${plan.id}">${plan.name}</a></td>
        <td>${models.get(plan.modelId) ?? '—'}</td>
        <td>${plan.cron ? html`<code>${plan.cron}</code>` : 'manual'}</td>
        <td>
          ${run ? html`<a href="/console/runs/${run.id}">${badge('st', run.status)}</a> ${formatAge(run.queuedAt, now)} ago` : '—'}
        </td>
        <td class="num">
          ${headline && value !== undefined ? html`${headline.name} ${formatMetricValue(value, headline.unit)}` : '—'}
        </td>
        <td>
          ${incidents.length ? html`<a href="/console/alerts?plan=${plan.id}">${incidents}</a>` : html`<span class="muted">none</span>`}
        </td>
      </tr>`;
    });
    return page({
      title: 'Plans',
      section: 'plans',
      viewer: { ...viewer, tenantName },
      lead: 'Each plan evaluates a model on a scenario and slices, on a schedule or on demand, and compares every run with its baseline.',
      body: plans.length
        ? html`<table>
            <thead>
              <tr>
                <th scope="col">plan</th>
                <th scope="col">model</th>
                <th scope="col">schedule</th>
                <th scope="col">latest run</th>
                <th scope="col" class="num">latest result</th>
                <th scope="col">open incidents</th>
              </tr>
            </thead>
            <tbody>
              ${rows}
            </tbody>
          </table>`
        : html`<p>No plans yet.</p>`,
    });
  }

  @Get(':id')
  async plan(
    @CurrentViewer() viewer: Viewer,
    @Param('id', UuidParamPipe) id: string,
    @Query('done') done?: string,
  ) {
    const plan = await this.plans.get(viewer.principal, id);
    const [runs, incidents, baselines, metrics, models, slices, scenario, tenantName] =
      await Promise.all([
        this.runs.list(viewer.principal, { planId: id, limit: 30 }),
        Promise.all(
          (['open', 'acknowledged'] as const).map((status) =>
            this.alerts.list(viewer.principal, { plan: id, status, limit: 20 }),
          ),
        ),
        this.baselines.list(viewer.principal, id),
        this.lookups.metrics(plan.scenarioId),
        this.lookups.modelNames([plan.modelId]),
        this.lookups.sliceNames(plan.sliceIds),
        this.lookups.scenario(plan.scenarioId),
        this.lookups.tenantName(viewer.principal.tenantId),
      ]);
    const unresolved = incidents.flatMap((list) => list.items);
    const values = overallValues(
      await this.database.stores.metrics.overallOfRuns(runs.map((r) => r.id)),
    );
    const columns = [...metrics.values()]
      .filter((d) => !d.descriptive && d.level !== 'run')
      .slice(0, 3)
      .map((d) => ({ name: d.name, unit: d.unit }));
    const canPin = mayUse(viewer.principal.role, BaselinesController.prototype.pin);
    const pinned = new Set(
      plan.baselinePolicy.kind === 'pinned' ? (plan.baselinePolicy.runIds ?? []) : [],
    );
    const pin = (run: Run) =>
      pinned.has(run.id)
        ? html`<b>pinned</b>`
        : canPin && (run.status === 'succeeded' || run.status === 'partial')
          ? html`<button class="secondary" type="submit" form="pin-${run.id}">
              Pin as baseline
            </button>`
          : ('' as const);
    const pinForms = canPin
      ? runs
          .filter((r) => r.status === 'succeeded' || r.status === 'partial')
          .map(
            (r) =>
              html`<form id="pin-${r.id}" method="post" action="/console/plans/${plan.id}/baseline">
                ${csrfField(viewer)}<input type="hidden" name="runId" value="${r.id}" />
              </form>`,
          )
      : [];
    const complete = baselines.filter((b) => b.complete).length;
    const runsUsed = [...new Set(baselines.flatMap((b) => b.runIds))];
    const policy = plan.baselinePolicy as Parameters<typeof baselinePolicyText>[0];
    return page({
      title: plan.name,
      section: 'plans',
      viewer: { ...viewer, tenantName },
      body: html`${done ? html`<div class="notice ok" role="status"><p>Baseline ${done}.</p></div>` : ''}
        <div class="cols">
          <section aria-labelledby="setup">
            <h2 id="setup">Set-up</h2>
            <dl class="facts">
              <dt>model</dt>
              <dd>
                <a href="/console/models#m-${plan.modelId}"
                  >${models.get(plan.modelId) ?? plan.modelId}</a
                >
              </dd>
              <dt>scenario</dt>
              <dd>${scenario ? `${scenario.name} (${scenario.kind})` : plan.scenarioId}</dd>
              <dt>slices</dt>
              <dd>
                ${plan.sliceIds.length ? plan.sliceIds.map((s, i) => html`${i ? ', ' : ''}<a href="/console/slices/${s}">${slices.get(s) ?? s}</a>`) : 'built-in items of the scenario'}
              </dd>
              <dt>schedule</dt>
              <dd>
                ${plan.cron ? html`<code>${plan.cron}</code> (${plan.timezone})${plan.enabled ? '' : ', disabled'}` : 'on demand'}
              </dd>
              <dt>sample</dt>
              <dd>
                ${plan.sampleSize ? `${plan.sampleSize} items per slice, seed ${plan.seed}` : 'every item'}
              </dd>
            </dl>
          </section>
          <section aria-labelledby="baseline">
            <h2 id="baseline">Baseline</h2>
            <dl class="facts">
              <dt>policy</dt>
              <dd>${baselinePolicyText(policy)}</dd>
              <dt>state</dt>
              <dd>
                ${baselines.length ? `${complete} of ${baselines.length} metric × group baselines complete, from ${runsUsed.length} run${runsUsed.length === 1 ? '' : 's'}` : 'no baseline yet'}
              </dd>
              <dt>alerts</dt>
              <dd>
                α = ${plan.alertPolicy.alpha}, minimum effect
                ${formatMetricValue(plan.alertPolicy.minEffect, columns[0]?.unit)}
              </dd>
            </dl>
            ${canPin ? html`<p class="muted">Pin a finished run below to make it the baseline (the policy becomes “pinned”).</p>` : ''}
          </section>
        </div>
        <h2>Unresolved incidents</h2>
        ${
          unresolved.length
            ? html`<ul>
                ${unresolved.map((a) => html`<li>${badge('sev', a.severity)} ${badge('st', a.status)} <a href="/console/alerts/${a.id}">${a.title}</a> <span class="muted">${formatAge(a.openedAt)} old</span></li>`)}
              </ul>`
            : html`<p class="muted">None.</p>`
        }
        <h2>Runs</h2>
        <p class="muted">Pick A and B to compare two runs side by side.</p>
        ${runsTable(runs, { values, columns, compare: runs.length >= 2, pin })}${pinForms}
        <p class="muted">Plan created ${formatTime(plan.createdAt)}.</p>`,
    });
  }

  /** Pins a run as the plan's baseline: BaselinesService.pin, the roles of its API route. */
  @Post(':id/baseline')
  @SameRolesAs(BaselinesController.prototype.pin)
  @Redirect()
  async pin(
    @CurrentViewer() viewer: Viewer,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: Record<string, unknown>,
  ) {
    const { runId } = parseOrThrow(pinBaselineSchema, { runId: body.runId }, 'form');
    await this.baselines.pin(viewer.principal, id, runId);
    return { url: `/console/plans/${id}?done=pinned`, statusCode: 303 };
  }
}
