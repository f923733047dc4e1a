import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiZodBody } from '../common/api-body.decorator';
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
import { AlertsService } from './alerts.service';

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('v1/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  list(
    @Auth() principal: Principal,
    @Query(new ZodPipe(listAlertsQuerySchema, 'query')) query: ListAlertsQuery,
  ) {
    return this.alerts.list(principal, query);
  }

  @Get(':id')
  get(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.alerts.get(principal, id);
  }

  @Post(':id/ack')
  @Roles('oncall', 'ml', 'admin')
  @HttpCode(200)
  @ApiZodBody(alertNoteSchema)
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
  @ApiZodBody(alertNoteSchema)
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
@ApiBearerAuth()
@Controller('v1/findings')
export class FindingsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  list(
    @Auth() principal: Principal,
    @Query(new ZodPipe(listFindingsQuerySchema, 'query')) query: ListFindingsQuery,
  ) {
    return this.alerts.findings(principal, query);
  }
}
