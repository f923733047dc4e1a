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
import { alertNoteSchema, listAlertsQuerySchema } from '../../alerts/alert.dto';
import { AlertsController } from '../../alerts/alerts.controller';
import { AlertsService, type AlertListItem } from '../../alerts/alerts.service';
import { ConsoleRoute, mayUse, SameRolesAs } from '../../auth/auth.decorators';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { invalid } from '../../common/problem.exception';
import { parseOrThrow } from '../../common/zod-body.pipe';
import { PlansService } from '../../plans/plans.service';
import { ConsoleExceptionFilter } from '../console-exception.filter';
import { ConsoleHeadersInterceptor, CurrentViewer } from '../console-http';
import { ConsoleLookups } from '../console-lookups.service';
import { formatAge, formatTime } from '../views/format';
import { html, type SafeHtml } from '../views/html';
import { badge, csrfField, page, type Viewer } from '../views/layout';
import {
  evidenceCharts,
  evidenceInWords,
  findingsTable,
  worstItemsView,
  type EvidenceFinding,
} from './alert-evidence.view';

const SEVERITIES = ['critical', 'warning', 'info'] as const;
/** Findings told in words at the top of an incident (all of them are in its findings table). */
const WORDS_FOR = 5;
/** Incidents listed per severity on the inbox's first view. */
const PER_SEVERITY = 25;
const STATUSES = ['open', 'acknowledged', 'resolved'] as const;
const TYPES = listAlertsQuerySchema.shape.type.unwrap().options;
/** The inbox's age filter: incidents opened longer ago than this. */
const AGES = new Map([
  ['1h', { label: 'older than an hour', ms: 3_600_000 }],
  ['1d', { label: 'older than a day', ms: 86_400_000 }],
  ['7d', { label: 'older than a week', ms: 7 * 86_400_000 }],
]);

/** Form fields left empty mean "any": drop them before the API's own query schema reads them. */
export const filled = (query: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => typeof v === 'string' && v !== ''));

/** On-call's pages: the inbox of incidents and one incident with its evidence and history. */
@ApiExcludeController()
@Controller('console/alerts')
@ConsoleRoute()
@UseFilters(ConsoleExceptionFilter)
@UseInterceptors(ConsoleHeadersInterceptor)
export class ConsoleAlertsController {
  constructor(
    private readonly alerts: AlertsService,
    private readonly plans: PlansService,
    private readonly lookups: ConsoleLookups,
  ) {}

  /**
   * Open incidents by severity (critical first), newest activity first within each, with their
   * age; any filter turns it into one list with pages. The lists are AlertsService.list: the
   * API's scope (a customer sees its tenant's only) and its keyset pages.
   */
  @Get()
  async inbox(@CurrentViewer() viewer: Viewer, @Query() raw: Record<string, unknown>) {
    const given = filled(raw);
    const { age, ...apiFilters } = given;
    const ageMs = typeof age === 'string' ? AGES.get(age)?.ms : undefined;
    if (age !== undefined && ageMs === undefined)
      throw invalid(`filters are invalid: age: one of ${[...AGES.keys()].join(', ')}`, [
        { field: 'age', reason: `one of ${[...AGES.keys()].join(', ')}` },
      ]);
    const query = parseOrThrow(
      listAlertsQuerySchema,
      {
        status: 'open',
        ...apiFilters,
        ...(ageMs === undefined
          ? {}
          : { openedBefore: new Date(Date.now() - ageMs).toISOString() }),
        limit: given.limit ?? '50',
      },
      'filters',
    );
    const split = !query.severity && !query.cursor;
    // Three lists at once: the first PER_SEVERITY of each, then "More" pages through one.
    if (split && !given.limit) query.limit = PER_SEVERITY;
    const [lists, plans] = await Promise.all([
      split
        ? Promise.all(
            SEVERITIES.map((severity) =>
              this.alerts.list(viewer.principal, { ...query, severity }),
            ),
          )
        : this.alerts.list(viewer.principal, query).then((list) => [list]),
      this.plans.list(viewer.principal),
    ]);
    const planNames = new Map(plans.map((p) => [p.id, p.name]));
    const now = new Date();
    const select = (name: string, label: string, options: readonly string[], value?: string) =>
      html`<label
        >${label}<select name="${name}">
          <option value="">any</option>
          ${options.map((o) => html`<option${o === value ? html` selected` : ''}>${o}</option>`)}
        </select></label
      >`;
    const filters = html`<form
      class="filters"
      method="get"
      action="/console/alerts"
      aria-label="Filters"
    >
      ${select('status', 'Status', STATUSES, query.status)}${select('severity', 'Severity', SEVERITIES, query.severity)}${select('type', 'Cause', TYPES, query.type)}
      <label
        >Age<select name="age">
          <option value="">any</option>
          ${[...AGES].map(([value, { label }]) => html`<option value="${value}" ${value === age ? html` selected` : ''}>${label}</option>`)}
        </select></label
      >
      <label
        >Plan<select name="plan">
          <option value="">any</option>
          ${plans.map((p) => html`<option value="${p.id}" ${p.id === query.plan ? html` selected` : ''}>${p.name}</option>`)}
        </select></label
      >
      <button class="primary" type="submit">Show</button> <a href="/console/alerts">Reset</a>
    </form>`;
    const table = (items: AlertListItem[]) =>
      items.length === 0
        ? html`<p class="muted">None.</p>`
        : html`<table>
            <thead>
              <tr>
                <th scope="col">severity</th>
                <th scope="col">incident</th>
                <th scope="col">cause</th>
                <th scope="col">plan</th>
                <th scope="col">status</th>
                <th scope="col" class="num">age</th>
                <th scope="col" class="num">last seen</th>
                <th scope="col" class="num">runs</th>
              </tr>
            </thead>
            <tbody>
              ${items.map(
                (a) =>
                  html`<tr>
                    <td>${badge('sev', a.severity)}</td>
                    <td><a href="/console/alerts/${a.id}">${a.title}</a></td>
                    <td>${a.type}</td>
                    <td>${planNames.get(a.planId) ?? a.planId.slice(0, 8)}</td>
                    <td>${badge('st', a.status)}</td>
                    <td class="num" title="${formatTime(a.openedAt)}">
                      ${formatAge(a.openedAt, now)}
                    </td>
                    <td class="num" title="${formatTime(a.lastSeenAt)}">
                      ${formatAge(a.lastSeenAt, now)}
                    </td>
                    <td class="num">${a.seenCount}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`;
    const more = (cursor: string | null, severity?: string) => {
      if (!cursor) return '';
      const params = new URLSearchParams(
        filled({ ...given, ...(severity ? { severity } : {}), cursor }) as Record<string, string>,
      );
      return html`<p class="pager">
        <a href="/console/alerts?${params.toString()}">More${severity ? ` ${severity}` : ''} →</a>
      </p>`;
    };
    const sections: SafeHtml = split
      ? html`${SEVERITIES.map(
          (severity, i) =>
            html`<h2>
                ${severity[0].toUpperCase() + severity.slice(1)}
                <span class="muted"
                  >(${lists[i].items.length}${lists[i].nextCursor ? '+' : ''})</span
                >
              </h2>
              ${table(lists[i].items)}${more(lists[i].nextCursor, severity)}`,
        )}`
      : html`${table(lists[0].items)}${more(lists[0].nextCursor)}`;
    return page({
      title: query.status === 'open' && !query.type ? 'Open incidents' : 'Incidents',
      section: 'alerts',
      viewer: { ...viewer, tenantName: await this.lookups.tenantName(viewer.principal.tenantId) },
      lead: 'One incident per plan, slice and cause; each holds the findings of its latest run.',
      body: html`${filters}${sections}`,
    });
  }

  /** One incident: the evidence in words and pictures, the findings, worst items, timeline, actions. */
  @Get(':id')
  async incident(
    @CurrentViewer() viewer: Viewer,
    @Param('id', UuidParamPipe) id: string,
    @Query('done') done?: string,
  ) {
    const alert = await this.alerts.get(viewer.principal, id);
    const plan = await this.plans.get(viewer.principal, alert.planId).catch(() => null);
    const [metrics, slice, models, tenantName] = await Promise.all([
      this.lookups.metrics(plan?.scenarioId),
      this.lookups.slice(alert.sliceId),
      this.lookups.modelNames([alert.modelId]),
      this.lookups.tenantName(viewer.principal.tenantId),
    ]);
    const unitOf = (metric: string) =>
      (metrics.get(metric) ?? metrics.get(metric.replace(/_gap:.*$/, '')))?.unit;
    const evidence = alert.evidence as Record<string, unknown>;
    const links = (evidence.links ?? {}) as { report?: string; dashboard?: string | null };
    const findings = alert.findings as unknown as EvidenceFinding[];
    const speech = slice?.modality === 'audio';
    const runId = alert.lastRunId;
    const facts = html`<dl class="facts">
      <dt>status</dt>
      <dd>${badge('st', alert.status)} ${badge('sev', alert.severity)}</dd>
      <dt>cause</dt>
      <dd>${alert.type}</dd>
      <dt>plan</dt>
      <dd>${plan ? html`<a href="/console/plans/${plan.id}">${plan.name}</a>` : alert.planId}</dd>
      <dt>slice</dt>
      <dd>
        ${slice?.tenantId ? html`<a href="/console/slices/${slice.id}">${slice.name} v${slice.version}</a>` : slice ? `${slice.name} v${slice.version} (built in)` : '—'}
      </dd>
      <dt>model</dt>
      <dd>${models.get(alert.modelId) ?? alert.modelId}</dd>
      <dt>opened</dt>
      <dd>${formatTime(alert.openedAt)} (${formatAge(alert.openedAt)} ago)</dd>
      <dt>last seen</dt>
      <dd>
        ${formatTime(alert.lastSeenAt)}, in ${alert.seenCount}
        run${alert.seenCount === 1 ? '' : 's'}
      </dd>
      <dt>latest run</dt>
      <dd>
        ${runId ? html`<a href="/console/runs/${runId}">${runId}</a> · <a href="/v1/runs/${runId}/report">run report</a>` : '—'}${links.dashboard ? html` · <a href="${links.dashboard}">dashboard</a>` : ''}
      </dd>
    </dl>`;
    const headline = findings[0]?.evidence ?? evidence;
    const told = findings.slice(0, WORDS_FOR);
    const words = findings.length
      ? html`<ul>
          ${told.map((f) => html`<li>${evidenceInWords(f.evidence, unitOf(f.metric))}</li>`)}
          ${findings.length > told.length ? html`<li>…and ${findings.length - told.length} more, in the findings below.</li>` : ''}
        </ul>`
      : html`<p>${evidenceInWords(evidence, unitOf(alert.metric))}</p>`;
    const note = (evidence.run as { note?: string } | undefined)?.note;
    return page({
      title: alert.title,
      section: 'alerts',
      viewer: { ...viewer, tenantName },
      body: html`${done ? html`<div class="notice ok" role="status"><p>Incident ${done}.</p></div>` : ''}
        <div class="cols">
          <section aria-labelledby="about">
            <h2 id="about">About</h2>
            ${facts}
          </section>
          ${this.actions(viewer, alert.id, alert.status)}
        </div>
        <h2>What changed</h2>
        ${words}${note ? html`<p class="notice">${note}</p>` : ''}
        ${evidenceCharts(findings.length ? findings : [{ ...alert, kind: alert.type, test: null, pValue: null, qValue: null, effect: null, evidence } as EvidenceFinding], unitOf)}
        <h2>Findings</h2>
        ${findingsTable(findings, unitOf)}
        ${worstItemsView(headline, { unit: unitOf(String(headline.metric ?? alert.metric)), speech, sliceId: alert.sliceId })}
        <h2>Timeline</h2>
        ${timeline(alert.events, alert.notifications)}`,
    });
  }

  @Post(':id/ack')
  @SameRolesAs(AlertsController.prototype.acknowledge)
  @Redirect()
  async acknowledge(
    @CurrentViewer() viewer: Viewer,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: Record<string, unknown>,
  ) {
    const { note } = parseOrThrow(alertNoteSchema, filled(withoutCsrf(body)), 'form');
    await this.alerts.acknowledge(viewer.principal, id, note);
    return { url: `/console/alerts/${id}?done=acknowledged`, statusCode: 303 };
  }

  @Post(':id/resolve')
  @SameRolesAs(AlertsController.prototype.resolve)
  @Redirect()
  async resolve(
    @CurrentViewer() viewer: Viewer,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: Record<string, unknown>,
  ) {
    const { note } = parseOrThrow(alertNoteSchema, filled(withoutCsrf(body)), 'form');
    await this.alerts.resolve(viewer.principal, id, note);
    return { url: `/console/alerts/${id}?done=resolved`, statusCode: 303 };
  }

  private actions(viewer: Viewer, id: string, status: string): SafeHtml {
    const role = viewer.principal.role;
    const form = (action: 'ack' | 'resolve', label: string) =>
      html`<form method="post" action="/console/alerts/${id}/${action}">
        ${csrfField(viewer)} <label for="note-${action}">Note (optional)</label
        ><textarea id="note-${action}" name="note" maxlength="2000"></textarea>
        <button class="primary" type="submit">${label}</button>
      </form>`;
    const canAck = status === 'open' && mayUse(role, AlertsController.prototype.acknowledge);
    const canResolve = status !== 'resolved' && mayUse(role, AlertsController.prototype.resolve);
    if (!canAck && !canResolve)
      return html`<section class="actions" aria-labelledby="act">
        <h2 id="act">Actions</h2>
        <p class="muted">
          ${status === 'resolved' ? 'Resolved: nothing to do.' : 'Your role reads incidents; on-call, ML and admin keys acknowledge and resolve them.'}
        </p>
      </section>`;
    return html`<section class="actions" aria-labelledby="act">
      <h2 id="act">Actions</h2>
      ${canAck ? form('ack', 'Acknowledge') : ''}${canResolve ? form('resolve', 'Resolve') : ''}
    </section>`;
  }
}

const withoutCsrf = (body: Record<string, unknown> = {}) => {
  const { _csrf: _token, ...rest } = body;
  return rest;
};

interface TimelineEvent {
  at: Date;
  event: string;
  note: string | null;
  actorKeyId: string | null;
  runId: string | null;
}
interface TimelineNotification {
  at: Date;
  channelKey: string;
  event: string;
  status: string;
  attempt: number;
  responseStatus: number | null;
  error: string | null;
}

/** Events and delivery attempts in one list, oldest first. */
function timeline(events: TimelineEvent[], notifications: TimelineNotification[]): SafeHtml {
  const entries = [
    ...events.map((e) => ({
      at: new Date(e.at),
      cls: 'event',
      text: html`<b>${e.event}</b
        >${e.runId ? html` by run <a href="/console/runs/${e.runId}">${e.runId.slice(0, 8)}</a>` : ''}${e.actorKeyId ? html` by key <code>${e.actorKeyId.slice(0, 8)}</code>` : ''}${e.note ? html`: “${e.note}”` : ''}`,
    })),
    ...notifications.map((n) => ({
      at: new Date(n.at),
      cls: 'notification',
      text: html`notification <b>${n.event}</b> to <code>${n.channelKey}</code>:
        ${n.status}${n.responseStatus ? ` (HTTP ${n.responseStatus})` : ''}, attempt
        ${n.attempt}${n.error ? html` — ${n.error}` : ''}`,
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  if (entries.length === 0) return html`<p class="muted">No events yet.</p>`;
  return html`<ol class="timeline">
    ${entries.map((e) => html`<li class="${e.cls}"><time datetime="${e.at.toISOString()}">${formatTime(e.at)}</time> — ${e.text}</li>`)}
  </ol>`;
}
