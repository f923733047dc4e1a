import { Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiEndpoint, uuidParam } from '../common/api-endpoint.decorator';
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
import {
  runMetricSchema,
  runMonitoringAnswerSchema,
  runSchema,
} from '../openapi/responses/run.response';
import { RunsService } from './runs.service';

@ApiTags('runs')
@Controller('v1/runs')
export class RunsController {
  constructor(private readonly runs: RunsService) {}

  @Get()
  @ApiEndpoint({
    summary: 'List runs',
    description: "Newest first. A customer key sees its own tenant's runs only.",
    responses: [{ status: 200, description: 'The runs.', schema: z.array(runSchema) }],
    query: listRunsQuerySchema,
    queryDescriptions: { planId: 'Only the runs of this plan.', limit: 'How many runs.' },
  })
  list(
    @Auth() principal: Principal,
    @Query(new ZodPipe(listRunsQuerySchema, 'query')) query: ListRunsQuery,
  ) {
    return this.runs.list(principal, query);
  }

  @Get(':id')
  @ApiEndpoint({
    summary: 'Get a run',
    description: 'Status, progress (done of total, errors) and provenance.',
    responses: [{ status: 200, description: 'The run.', schema: runSchema }],
    params: { id: uuidParam('run') },
    problems: [404],
  })
  get(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.runs.get(principal, id);
  }

  /**
   * When the run's drift monitoring finished and what it concluded; `wait` (seconds, up to 60)
   * holds the answer until monitoring has ended, so a CI script can wait for the verdict.
   */
  @Get(':id/monitoring')
  @ApiEndpoint({
    summary: "Get a run's monitoring verdict",
    description:
      'When the drift monitoring of a finished run ended and what it concluded (incidents, tests short of power). `wait` holds the answer up to that many seconds until monitoring has ended, so a CI gate can wait for the verdict.',
    responses: [
      {
        status: 200,
        description: 'The verdict (status pending: not yet).',
        schema: runMonitoringAnswerSchema,
      },
    ],
    params: { id: uuidParam('run') },
    query: monitoringQuerySchema,
    queryDescriptions: { wait: 'Seconds to wait for monitoring to end (0–60, default 0).' },
    problems: [404],
  })
  monitoring(
    @Auth() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Query(new ZodPipe(monitoringQuerySchema, 'query')) query: MonitoringQuery,
  ) {
    return this.runs.monitoring(principal, id, query.wait);
  }

  @Get(':id/metrics')
  @ApiEndpoint({
    summary: "Get a run's metrics",
    description:
      'Every metric per slice and subgroup, with its interval and sample size; empty until the run has finished.',
    responses: [{ status: 200, description: 'The metrics.', schema: z.array(runMetricSchema) }],
    params: { id: uuidParam('run') },
    query: runMetricsQuerySchema,
    queryDescriptions: {
      name: 'Only this metric.',
      subgroup: 'Only this subgroup (`all`, or `attribute=value`).',
      sliceId: 'Only this slice.',
    },
    problems: [404],
  })
  metrics(
    @Auth() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Query(new ZodPipe(runMetricsQuerySchema, 'query')) query: RunMetricsQuery,
  ) {
    return this.runs.metrics(principal, id, query);
  }

  /** A self-contained HTML page: summary, metrics, breakdown charts, baseline, worst items. */
  @Get(':id/report')
  @ApiEndpoint({
    summary: "Get a run's report",
    description:
      'A self-contained HTML page (no scripts, inline styles and images): summary, metrics, breakdown charts, the comparison with the baseline and the worst items.',
    responses: [
      {
        status: 200,
        description: 'The report.',
        mediaType: 'text/html',
        schema: z.string(),
      },
    ],
    params: { id: uuidParam('run') },
    problems: [404],
  })
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
  report(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.runs.report(principal, id);
  }

  @Post(':id/cancel')
  @Roles('admin', 'ml', 'customer')
  @HttpCode(202)
  @ApiEndpoint({
    summary: 'Cancel a run',
    description: 'A queued run is cancelled at once; a running one stops at its next batch.',
    responses: [
      { status: 202, description: 'The run, cancellation requested.', schema: runSchema },
    ],
    params: { id: uuidParam('run') },
    problems: [404, { status: 409, description: 'The run has already ended.' }],
  })
  cancel(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.runs.cancel(principal, id);
  }
}
