import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiZodBody } from '../common/api-body.decorator';
import { ApiEndpoint, uuidParam } from '../common/api-endpoint.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ZodPipe } from '../common/zod-body.pipe';
import { Auth, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import {
  createPlanSchema,
  updatePlanSchema,
  type CreatePlanBody,
  type UpdatePlanBody,
} from './plan.dto';
import { EXAMPLES } from '../openapi/request-examples';
import { planSchema } from '../openapi/responses/plan.response';
import { runSchema } from '../openapi/responses/run.response';
import { PlansService } from './plans.service';

@ApiTags('plans')
@Controller('v1/plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Post()
  @Roles('admin', 'ml', 'customer')
  @ApiEndpoint({
    summary: 'Create a plan',
    description:
      "A customer key always owns its plans (its tenant); other keys may name a tenant, whose slices the plan may then use. Channel secrets must already be stored for the plan's owner, channel URLs must pass the owner's URL policy (a Slack secret's URL too), a PagerDuty channel delivers to the operator's events URL only (a `url` other than LASTMILE_PAGERDUTY_EVENTS_URL is refused), and a customer's schedule may not fire more often than the operator allows: each refusal is a 400 naming the field. Only the tenant's own keys and admin keys may name a tenant's secrets in a channel. A cron schedules runs at once.",
    responses: [{ status: 201, description: 'The plan.', schema: planSchema }],
    problems: [
      {
        status: 403,
        description:
          "A customer key named a tenant other than its own, or a key other than the tenant's own and admin keys named a tenant's secret in a channel (the field is named).",
      },
      { status: 404, description: 'The named tenant does not exist.' },
    ],
  })
  @ApiZodBody(createPlanSchema, { examples: EXAMPLES.createPlan })
  create(@Auth() principal: Principal, @Body(new ZodPipe(createPlanSchema)) body: CreatePlanBody) {
    return this.plans.create(principal, body);
  }

  @Get()
  @ApiEndpoint({
    summary: 'List plans',
    description:
      "Newest first, at most 500. A customer key sees its own tenant's plans only; deleted plans are not listed.",
    responses: [{ status: 200, description: 'The plans.', schema: z.array(planSchema) }],
  })
  list(@Auth() principal: Principal) {
    return this.plans.list(principal);
  }

  @Get(':id')
  @ApiEndpoint({
    summary: 'Get a plan',
    responses: [{ status: 200, description: 'The plan.', schema: planSchema }],
    params: { id: uuidParam('plan') },
    problems: [404],
  })
  get(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.plans.get(principal, id);
  }

  @Patch(':id')
  @Roles('admin', 'ml', 'customer')
  @ApiEndpoint({
    summary: 'Change a plan',
    description:
      "Any subset of the mutable fields; fields not sent keep their values (no defaults are applied). The scenario and tenant stay: compare versions with a new plan. The schedule follows at once. Channels are checked as at creation; an ml key may keep a tenant's channels that name its secrets as they are, but not add or change one.",
    responses: [{ status: 200, description: 'The plan as changed.', schema: planSchema }],
    params: { id: uuidParam('plan') },
    problems: [
      {
        status: 403,
        description:
          "A key other than the tenant's own and admin keys named a tenant's secret in a new or changed channel.",
      },
      404,
    ],
  })
  @ApiZodBody(updatePlanSchema, { examples: EXAMPLES.updatePlan })
  update(
    @Auth() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(updatePlanSchema)) body: UpdatePlanBody,
  ) {
    return this.plans.update(principal, id, body);
  }

  @Delete(':id')
  @Roles('admin', 'ml', 'customer')
  @HttpCode(204)
  @ApiEndpoint({
    summary: 'Delete a plan',
    description:
      'Soft delete: the schedule stops; past runs, metrics and alerts keep their plan for the record.',
    responses: [{ status: 204, description: 'Deleted.' }],
    params: { id: uuidParam('plan') },
    problems: [404],
  })
  async remove(
    @Auth() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<void> {
    await this.plans.remove(principal, id);
  }

  /** Queue a run now. */
  @Post(':id/runs')
  @Roles('admin', 'ml', 'customer')
  @HttpCode(202)
  @ApiEndpoint({
    summary: 'Queue a run now',
    description:
      "Runs the plan once, outside its schedule. Counts towards the tenant's hourly run quota.",
    responses: [
      { status: 202, description: 'The queued run: poll GET /v1/runs/{id}.', schema: runSchema },
    ],
    params: { id: uuidParam('plan') },
    problems: [
      404,
      {
        status: 429,
        description:
          "Too many requests from this key, tenant or address, or the tenant's hourly quota of runs or model calls is spent (LASTMILE_TENANT_RUNS_PER_HOUR, LASTMILE_TENANT_MODEL_CALLS_PER_HOUR): try again after `Retry-After` seconds.",
      },
    ],
  })
  queueRun(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.plans.queueRun(principal, id);
  }
}
