import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiZodBody } from '../common/api-body.decorator';
import { ApiEndpoint, uuidParam } from '../common/api-endpoint.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ZodPipe } from '../common/zod-body.pipe';
import { Auth, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import {
  alertNoteSchema,
  listAlertsQuerySchema,
  listFindingsQuerySchema,
  type AlertNoteBody,
  type ListAlertsQuery,
  type ListFindingsQuery,
} from './alert.dto';
import {
  alertDetailSchema,
  alertPageSchema,
  findingSchema,
} from '../openapi/responses/alert.response';
import { EXAMPLES } from '../openapi/request-examples';
import { AlertsService } from './alerts.service';

@ApiTags('alerts')
@Controller('v1/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @ApiEndpoint({
    summary: 'List alerts',
    description:
      "Newest activity first (last seen, then id), keyset-paginated: pass `nextCursor` back as `cursor` until it is null. A customer key sees its own tenant's alerts only; filtering by another tenant returns an empty page.",
    responses: [{ status: 200, description: 'A page of alerts.', schema: alertPageSchema }],
    query: listAlertsQuerySchema,
    queryDescriptions: {
      tenant: 'Tenant id or slug.',
      model: 'Model id.',
      plan: 'Plan id.',
      limit: 'Page size.',
      cursor: '`nextCursor` of the previous page (a cursor this API returned; 400 otherwise).',
    },
  })
  list(
    @Auth() principal: Principal,
    @Query(new ZodPipe(listAlertsQuerySchema, 'query')) query: ListAlertsQuery,
  ) {
    return this.alerts.list(principal, query);
  }

  @Get(':id')
  @ApiEndpoint({
    summary: 'Get an alert with its history',
    description: 'The alert, every event of its timeline and every notification attempt.',
    responses: [{ status: 200, description: 'The alert.', schema: alertDetailSchema }],
    params: { id: uuidParam('alert') },
    problems: [404],
  })
  get(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.alerts.get(principal, id);
  }

  @Post(':id/ack')
  @Roles('oncall', 'ml', 'admin')
  @HttpCode(200)
  @ApiEndpoint({
    summary: 'Acknowledge an alert',
    description:
      "Someone is on it. The monitor still updates the alert and notifies again if its severity rises. The note goes into the timeline; the plan's channels are notified.",
    responses: [
      { status: 200, description: 'The alert as it now stands.', schema: alertDetailSchema },
    ],
    params: { id: uuidParam('alert') },
    problems: [
      404,
      {
        status: 409,
        description: 'Only an open alert can be acknowledged.',
      },
    ],
  })
  @ApiZodBody(alertNoteSchema, { examples: EXAMPLES.alertNote })
  acknowledge(
    @Auth() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(alertNoteSchema)) body: AlertNoteBody,
  ) {
    return this.alerts.acknowledge(principal, id, body.note);
  }

  @Post(':id/resolve')
  @Roles('oncall', 'ml', 'admin')
  @HttpCode(200)
  @ApiEndpoint({
    summary: 'Resolve an alert',
    description:
      "Closes the alert; if a later run finds the same problem, the monitor reopens it (one alert, one history). The note goes into the timeline; the plan's channels are notified.",
    responses: [
      { status: 200, description: 'The alert as it now stands.', schema: alertDetailSchema },
    ],
    params: { id: uuidParam('alert') },
    problems: [
      404,
      {
        status: 409,
        description: 'The alert is already resolved.',
      },
    ],
  })
  @ApiZodBody(alertNoteSchema, { examples: EXAMPLES.alertNote })
  resolve(
    @Auth() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(alertNoteSchema)) body: AlertNoteBody,
  ) {
    return this.alerts.resolve(principal, id, body.note);
  }
}

/** Findings, one row per metric × subgroup × test × run, for dashboards and tools. */
@ApiTags('alerts')
@Controller('v1/findings')
export class FindingsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @ApiEndpoint({
    summary: 'List findings',
    description:
      "One row per metric × subgroup × test × run, newest first, for dashboards and tools. A customer key sees its own tenant's only.",
    responses: [{ status: 200, description: 'The findings.', schema: z.array(findingSchema) }],
    query: listFindingsQuerySchema,
    queryDescriptions: {
      plan: 'Only this plan’s findings.',
      alert: 'Only this incident’s findings.',
      metric: 'Only this metric.',
      kind: 'Only findings of this kind.',
      status: 'Only findings of incidents in this status.',
      limit: 'How many findings.',
    },
  })
  list(
    @Auth() principal: Principal,
    @Query(new ZodPipe(listFindingsQuerySchema, 'query')) query: ListFindingsQuery,
  ) {
    return this.alerts.findings(principal, query);
  }
}
