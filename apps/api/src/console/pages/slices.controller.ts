import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Database, type Slice } from '@lastmile/persistence';
import { ConsoleRoute, mayUse, SameRolesAs } from '../../auth/auth.decorators';
import type { Principal } from '../../auth/principal';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { notFound, ProblemException } from '../../common/problem.exception';
import { parseOrThrow } from '../../common/zod-body.pipe';
import { sliceUploadFieldsSchema } from '../../slices/slice-upload.dto';
import { SliceUploadInterceptor } from '../../slices/slice-upload.interceptor';
import { SlicesController } from '../../slices/slices.controller';
import { SlicesService, type UploadedFile as SliceFile } from '../../slices/slices.service';
import { TenantsController } from '../../tenants/tenants.controller';
import { TenantsService } from '../../tenants/tenants.service';
import { ConsoleExceptionFilter } from '../console-exception.filter';
import { ConsoleHeadersInterceptor, CurrentViewer } from '../console-http';
import { formatTime } from '../views/format';
import { html, type SafeHtml } from '../views/html';
import { page, type Viewer } from '../views/layout';

/** Sample-size advice as main's SlicesService.detail returns it (when the API serves it). */
interface Advice {
  attributes?: {
    attribute: string;
    groups: {
      group: string;
      items: number;
      rateChangeMde: number | null;
      werChangeMde: number | null;
      enoughForTolerance?: boolean;
    }[];
  }[];
  notes?: string[];
}
type WithDetail = {
  detail?: (p: Principal, t: string, id: string, q: object) => Promise<{ sampleSize?: Advice }>;
};

/** The customer's pages: slices and versions with their groups, and the upload. */
@ApiExcludeController()
@Controller('console')
@ConsoleRoute()
@UseFilters(ConsoleExceptionFilter)
@UseInterceptors(ConsoleHeadersInterceptor)
export class ConsoleSlicesController {
  constructor(
    private readonly slices: SlicesService,
    private readonly tenants: TenantsService,
    private readonly database: Database,
  ) {}

  /** A customer's own tenant; other roles name one (?tenant=), as in the API's paths. */
  @Get('slices')
  async list(@CurrentViewer() viewer: Viewer, @Query('tenant') tenantRef?: string) {
    const ref = viewer.principal.tenantId ?? tenantRef;
    if (!ref) return this.chooseTenant(viewer, 'slices');
    const tenant = await this.tenants.findFor(viewer.principal, ref);
    const slices = await this.slices.list(viewer.principal, tenant.id);
    const byName = new Map<string, Slice[]>();
    for (const s of slices) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
    const canUpload = mayUse(viewer.principal.role, SlicesController.prototype.upload);
    const body = slices.length
      ? html`${[...byName.entries()].map(
          ([name, versions]) =>
            html`<h2>${name}</h2>
              <table>
                <thead>
                  <tr>
                    <th scope="col">version</th>
                    <th scope="col" class="num">items</th>
                    <th scope="col">kind</th>
                    <th scope="col">groups</th>
                    <th scope="col">uploaded</th>
                  </tr>
                </thead>
                <tbody>
                  ${versions.map(
                    (s) =>
                      html`<tr>
                        <td><a href="/console/slices/${s.id}">v${s.version}</a></td>
                        <td class="num">${s.itemCount}</td>
                        <td>${s.modality}</td>
                        <td>
                          ${
                            Object.entries(s.attributes ?? {})
                              .map(([k, values]) => `${k} (${values.length})`)
                              .join(', ') || '—'
                          }
                        </td>
                        <td>${formatTime(s.createdAt)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`,
        )}`
      : html`<p>No slices yet.</p>`;
    return page({
      title: `Slices of ${tenant.name}`,
      section: 'slices',
      viewer: { ...viewer, tenantName: viewer.principal.tenantId ? tenant.name : null },
      lead: 'Each upload with new content is a new version; runs and baselines keep the version they used.',
      body: html`${canUpload ? html`<p><a class="button" href="/console/upload${viewer.principal.tenantId ? '' : `?tenant=${encodeURIComponent(tenant.slug)}`}">Upload a slice</a></p>` : ''}${body}`,
    });
  }

  /** One version: items per group, sample-size advice where the API gives it, the first items. */
  @Get('slices/:id')
  async slice(@CurrentViewer() viewer: Viewer, @Param('id', UuidParamPipe) id: string) {
    const slice = await this.visibleSlice(viewer.principal, id);
    const tenantId = slice.tenantId!;
    const [counts, items, advice, tenant] = await Promise.all([
      this.database.stores.slices.itemCountsByGroup(slice.id),
      this.slices.items(viewer.principal, tenantId, id, -1, 25),
      this.advice(viewer.principal, tenantId, id),
      this.tenants.find(tenantId),
    ]);
    const attributes = [...new Set(counts.map((c) => c.attribute))];
    const adviceOf = (attribute: string, group: string) =>
      advice?.attributes
        ?.find((a) => a.attribute === attribute)
        ?.groups.find((g) => g.group === group);
    const groups = attributes.length
      ? html`${attributes.map(
          (attribute) =>
            html`<table>
              <caption>
                Items per ${attribute}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${attribute}</th>
                  <th scope="col" class="num">items</th>
                  ${
                    advice
                      ? html`<th scope="col" class="num">smallest rate change detected</th>
                          <th scope="col" class="num">smallest WER change detected</th>`
                      : ''
                  }
                </tr>
              </thead>
              <tbody>
                ${counts
                  .filter((c) => c.attribute === attribute)
                  .map((c) => {
                    const a = adviceOf(attribute, c.group);
                    const pct = (x: number | null | undefined) =>
                      x === null || x === undefined
                        ? 'none up to 100%'
                        : `+${(x * 100).toFixed(1)} pp`;
                    return html`<tr>
                      <td>${c.group}</td>
                      <td class="num">${c.items}</td>
                      ${
                        advice
                          ? html`<td class="num">${pct(a?.rateChangeMde)}</td>
                              <td class="num">${pct(a?.werChangeMde)}</td>`
                          : ''
                      }
                    </tr>`;
                  })}
              </tbody>
            </table>`,
        )}${
          advice?.notes?.length
            ? html`<div class="notice">
                <p><b>Sample-size advice</b></p>
                <ul>
                  ${advice.notes.map((n) => html`<li>${n}</li>`)}
                </ul>
              </div>`
            : ''
        }`
      : html`<p class="muted">
          The items carry no attributes: results are reported for all items only.
        </p>`;
    const audio = slice.modality === 'audio';
    return page({
      title: `${slice.name} v${slice.version}`,
      section: 'slices',
      viewer: { ...viewer, tenantName: viewer.principal.tenantId ? tenant.name : null },
      lead: `${slice.itemCount} ${audio ? 'recordings' : 'items'} of ${tenant.name}, uploaded ${formatTime(slice.createdAt)}; content ${slice.contentHash.slice(0, 16)}…`,
      body: html`<p>
          <a
            href="/console/slices${viewer.principal.tenantId ? '' : `?tenant=${encodeURIComponent(tenant.slug)}`}"
            >← all slices</a
          >
        </p>
        <h2>Groups</h2>
        ${groups}
        <h2>First items</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">id</th>
              <th scope="col">${audio ? 'transcript' : 'input'}</th>
              <th scope="col">attributes</th>
              ${audio ? html`<th scope="col">recording</th>` : ''}
            </tr>
          </thead>
          <tbody>
            ${items.map(
              (item) =>
                html`<tr>
                  <td><code>${item.id}</code></td>
                  <td>${audio ? (item.references?.[0] ?? '—') : (item.input ?? '—')}</td>
                  <td>
                    ${Object.entries(item.attributes ?? {})
                      .map(([k, v]) => `${k}=${v}`)
                      .join(', ')}
                  </td>
                  ${audio ? html`<td>${item.audio ? html`<audio controls preload="none" src="/console/slices/${slice.id}/items/${encodeURIComponent(item.id)}/audio" aria-label="recording of ${item.id}"></audio>` : '—'}</td>` : ''}
                </tr>`,
            )}
          </tbody>
        </table>`,
    });
  }

  /** An item's recording, for the audio players (the slice's tenant scope, as the API's). */
  @Get('slices/:id/items/:item/audio')
  async audio(
    @CurrentViewer() viewer: Viewer,
    @Param('id', UuidParamPipe) id: string,
    @Param('item') item: string,
    @Res() response: Response,
  ): Promise<void> {
    const slice = await this.visibleSlice(viewer.principal, id);
    const audio = await this.database.stores.slices.itemAudio(slice.id, item);
    if (!audio) throw notFound('recording of item', item);
    response
      .status(200)
      .setHeader('Content-Type', audio.mimeType)
      .setHeader('Cache-Control', 'private, max-age=3600')
      .send(audio.audio);
  }

  @Get('upload')
  @SameRolesAs(SlicesController.prototype.upload)
  async uploadForm(@CurrentViewer() viewer: Viewer, @Query('tenant') tenantRef?: string) {
    const ref = viewer.principal.tenantId ?? tenantRef;
    if (!ref) return this.chooseTenant(viewer, 'upload');
    const tenant = await this.tenants.findFor(viewer.principal, ref);
    return page({
      title: `Upload a slice for ${tenant.name}`,
      section: 'upload',
      viewer: { ...viewer, tenantName: viewer.principal.tenantId ? tenant.name : null },
      lead: 'JSONL or CSV rows (id, input, references, attributes), or a .zip/.tar.gz of manifest.jsonl with WAV/FLAC recordings. The whole file is checked before anything is stored; the same content under the same name is the same version.',
      body: html`<form
          id="upload"
          method="post"
          enctype="multipart/form-data"
          action="/console/upload?_csrf=${encodeURIComponent(viewer.csrfToken)}"
        >
          <input type="hidden" name="_csrf" value="${viewer.csrfToken}" /><input
            type="hidden"
            name="tenant"
            value="${tenant.slug}"
          />
          <p>
            <label for="name">Slice name</label><br /><input
              id="name"
              name="name"
              type="text"
              required
              pattern="[A-Za-z0-9][A-Za-z0-9._ \\-]{0,127}"
              size="40"
              aria-describedby="name-help"
            /><br /><small id="name-help" class="muted"
              >1–128 letters, digits, dots, dashes, underscores or spaces.</small
            >
          </p>
          <div id="drop" class="drop">
            <p>
              <label for="file">File</label><br /><input
                id="file"
                name="file"
                type="file"
                required
                accept=".jsonl,.csv,.zip,.tar.gz,.tgz"
              />
            </p>
            <p class="muted">…or drop it here. <span id="chosen" aria-live="polite"></span></p>
          </div>
          <progress id="progress" max="1" value="0" hidden aria-label="upload progress"></progress>
          <p><button class="primary" type="submit">Upload</button></p>
        </form>
        <div id="upload-status" aria-live="polite"></div>`,
    });
  }

  /**
   * The upload (SlicesService.upload: the API's validation, limits and audit). A script asking for
   * JSON gets the slice (201) or `{refused: problem}` (200: the problem's own status inside); a
   * plain form post goes to the new version, or to the error page with the problem's status.
   */
  @Post('upload')
  @SameRolesAs(SlicesController.prototype.upload)
  @UseInterceptors(SliceUploadInterceptor)
  async upload(
    @CurrentViewer() viewer: Viewer,
    @Req() request: Request,
    @Res() response: Response,
    @Body() body: Record<string, unknown>,
    @UploadedFile() file: SliceFile | undefined,
  ): Promise<void> {
    const tenant = viewer.principal.tenantId ?? String(body.tenant ?? '');
    const byScript = /application\/json/.test(String(request.headers.accept ?? ''));
    let slice;
    try {
      const fields = parseOrThrow(sliceUploadFieldsSchema, { name: body.name }, 'form fields');
      slice = await this.slices.upload(viewer.principal, tenant, fields.name, file);
    } catch (error) {
      // The page's script shows a refusal itself: answered as data, since a browser logs every
      // 4xx answer to a script as a console error. A form post gets the error page as before.
      if (!byScript || !(error instanceof ProblemException)) throw error;
      const { title, detail, errors } = error;
      response
        .status(200)
        .type('application/json')
        .send(JSON.stringify({ refused: { status: error.getStatus(), title, detail, errors } }));
      return;
    }
    if (byScript) {
      response.status(201).type('application/json').send(JSON.stringify(slice));
      return;
    }
    response.redirect(303, `/console/slices/${slice.id}`);
  }

  /** A slice as the API shows it to this caller (404 for another tenant's, as the API). */
  private async visibleSlice(principal: Principal, id: string): Promise<Slice> {
    const [found] = await this.database.stores.slices.byIds([id]);
    if (!found?.tenantId) throw notFound('slice', id);
    return this.slices.get(principal, found.tenantId, id);
  }

  private async advice(principal: Principal, tenantId: string, id: string): Promise<Advice | null> {
    const detail = (this.slices as unknown as WithDetail).detail;
    if (typeof detail !== 'function') return null;
    return (await detail.call(this.slices, principal, tenantId, id, {})).sampleSize ?? null;
  }

  private async chooseTenant(viewer: Viewer, target: 'slices' | 'upload'): Promise<string> {
    const canList = mayUse(
      viewer.principal.role,
      TenantsController.prototype.list,
      TenantsController,
    );
    const tenants = canList ? await this.tenants.list() : [];
    const list: SafeHtml = tenants.length
      ? html`<ul>
          ${tenants.map((t) => html`<li><a href="/console/${target}?tenant=${encodeURIComponent(t.slug)}">${t.name}</a> <span class="muted">(${t.slug})</span></li>`)}
        </ul>`
      : html``;
    return page({
      title: target === 'upload' ? 'Upload a slice' : 'Slices',
      section: target,
      viewer,
      lead: 'Slices belong to a tenant: choose one.',
      body: html`${list}
        <form class="filters" method="get" action="/console/${target}">
          <label>Tenant (slug or id)<input type="text" name="tenant" required /></label
          ><button class="primary" type="submit">Open</button>
        </form>`,
    });
  }
}
