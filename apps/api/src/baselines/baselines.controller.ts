import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiZodBody } from '../common/api-body.decorator';
import { ApiEndpoint, uuidParam } from '../common/api-endpoint.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ZodPipe } from '../common/zod-body.pipe';
import { Auth, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { EXAMPLES } from '../openapi/request-examples';
import { baselineSchema } from '../openapi/responses/baseline.response';
import { pinnedBaselineSchema } from '../openapi/responses/plan.response';
import { pinBaselineSchema, type PinBaselineBody } from './baseline.dto';
import { BaselinesService } from './baselines.service';

@ApiTags('baselines')
@Controller('v1/plans/:id')
export class BaselinesController {
  constructor(private readonly baselines: BaselinesService) {}

  @Get('baselines')
  @ApiEndpoint({
    summary: "List a plan's baselines",
    description:
      'One per slice, subgroup, metric and version, without per-item statistics, and whether each has all the runs its policy asks for.',
    responses: [{ status: 200, description: 'The baselines.', schema: z.array(baselineSchema) }],
    params: { id: uuidParam('plan') },
    problems: [404],
  })
  list(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.baselines.list(principal, id);
  }

  /** Pin a run as the plan's baseline: later runs are compared with it. */
  @Post('baseline')
  @Roles('admin', 'ml')
  @ApiEndpoint({
    summary: "Pin a run as the plan's baseline",
    description:
      "Later runs are compared with this run's results; the plan's baseline policy becomes `pinned`. Replaces any earlier pin.",
    responses: [{ status: 201, description: 'The pinned baseline.', schema: pinnedBaselineSchema }],
    params: { id: uuidParam('plan') },
    problems: [
      404,
      {
        status: 409,
        description:
          'The run has not succeeded (only a succeeded or partial run can be a baseline), or its scenario no longer exists. A run of another plan is a 400 naming `runId`.',
      },
    ],
  })
  @ApiZodBody(pinBaselineSchema, { examples: EXAMPLES.pinBaseline })
  pin(
    @Auth() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(pinBaselineSchema)) body: PinBaselineBody,
  ) {
    return this.baselines.pin(principal, id, body.runId);
  }
}
