import { Controller, Get, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ConsoleRoute } from '../../auth/auth.decorators';
import { ModelsService } from '../../models/models.service';
import { PlansService } from '../../plans/plans.service';
import { ConsoleExceptionFilter } from '../console-exception.filter';
import { ConsoleHeadersInterceptor, CurrentViewer } from '../console-http';
import { ConsoleLookups } from '../console-lookups.service';
import { formatTime } from '../views/format';
import { html } from '../views/html';
import { page, type Viewer } from '../views/layout';

/** Models with their versions, the plans that evaluate them, and their service card if served. */
@ApiExcludeController()
@Controller('console/models')
@ConsoleRoute()
@UseFilters(ConsoleExceptionFilter)
@UseInterceptors(ConsoleHeadersInterceptor)
export class ConsoleModelsController {
  constructor(
    private readonly models: ModelsService,
    private readonly plans: PlansService,
    private readonly lookups: ConsoleLookups,
  ) {}

  @Get()
  async list(@CurrentViewer() viewer: Viewer) {
    const [models, plans, tenantName] = await Promise.all([
      this.models.list(viewer.principal),
      this.plans.list(viewer.principal),
      this.lookups.tenantName(viewer.principal.tenantId),
    ]);
    const cards = this.lookups.serves('GET', '/v1/models/:id/card');
    const plansOf = (id: string) => plans.filter((p) => p.modelId === id && !p.deletedAt);
    return page({
      title: 'Models',
      section: 'models',
      viewer: { ...viewer, tenantName },
      lead: 'Every registered model version, newest first, with the plans that evaluate it.',
      body: models.length
        ? html`<table>
            <thead>
              <tr>
                <th scope="col">model</th>
                <th scope="col">version</th>
                <th scope="col">modality</th>
                <th scope="col">adapter</th>
                <th scope="col">plans</th>
                <th scope="col">registered</th>
                ${cards ? html`<th scope="col">service card</th>` : ''}
              </tr>
            </thead>
            <tbody>
              ${models.map(
                (m) =>
                  html`<tr id="m-${m.id}">
                    <td>${m.name}</td>
                    <td>${m.version}</td>
                    <td>${m.modality}</td>
                    <td>
                      ${'adapter' in m ? String((m.adapter as { kind?: string }).kind ?? '—') : '—'}
                    </td>
                    <td>
                      ${plansOf(m.id).map((p, i) => html`${i ? ', ' : ''}<a href="/console/plans/${p.id}">${p.name}</a>`) || ''}${plansOf(m.id).length ? '' : html`<span class="muted">none</span>`}
                    </td>
                    <td>${formatTime(m.createdAt)}</td>
                    ${cards ? html`<td><a href="/v1/models/${m.id}/card?format=html">card</a></td>` : ''}
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p>No models registered yet.</p>`,
    });
  }
}
