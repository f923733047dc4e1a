import { Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ZodPipe } from '../common/zod-body.pipe';
import { Auth, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import {
  listRunsQuerySchema,
  monitoringQuerySchema,
  runMetricsQuerySchema,
  type ListRunsQuery,
  type MonitoringQuery,
  type RunMetricsQuery,
} from './run-query.dto';
import { RunsService } from './runs.service';

@ApiTags('runs')
@ApiBearerAuth()
@Controller('v1/runs')
export class RunsController {
  constructor(private readonly runs: RunsService) {}

  @Get()
  list(
    @Auth() principal: Principal,
    @Query(new ZodPipe(listRunsQuerySchema, 'query')) query: ListRunsQuery,
  ) {
    return this.runs.list(principal, query);
  }

  @Get(':id')
  get(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.runs.get(principal, id);
  }

  /**
   * When the run's drift monitoring finished and what it concluded; `wait` (seconds, up to 60)
   * holds the answer until monitoring has ended, so a CI script can wait for the verdict.
   */
  @Get(':id/monitoring')
  monitoring(
    @Auth() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Query(new ZodPipe(monitoringQuerySchema, 'query')) query: MonitoringQuery,
  ) {
    return this.runs.monitoring(principal, id, query.wait);
  }

  @Get(':id/metrics')
  metrics(
    @Auth() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Query(new ZodPipe(runMetricsQuerySchema, 'query')) query: RunMetricsQuery,
  ) {
    return this.runs.metrics(principal, id, query);
  }

  /** A self-contained HTML page: summary, metrics, breakdown charts, baseline, worst items. */
  @Get(':id/report')
  @Header('Content-Type', 'text/html; charset=utf-8')
  // media-src: speech items' <audio> players fetch their recordings from this API.
  @Header(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; media-src 'self'",
  )
  report(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.runs.report(principal, id);
  }

  @Post(':id/cancel')
  @Roles('admin', 'ml', 'customer')
  @HttpCode(202)
  cancel(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.runs.cancel(principal, id);
  }
}
