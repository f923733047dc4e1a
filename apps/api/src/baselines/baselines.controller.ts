import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiZodBody } from '../common/api-body.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ZodPipe } from '../common/zod-body.pipe';
import { Auth, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { pinBaselineSchema, type PinBaselineBody } from './baseline.dto';
import { BaselinesService } from './baselines.service';

@ApiTags('baselines')
@ApiBearerAuth()
@Controller('v1/plans/:id')
export class BaselinesController {
  constructor(private readonly baselines: BaselinesService) {}

  @Get('baselines')
  list(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.baselines.list(principal, id);
  }

  /** Pin a run as the plan's baseline: later runs are compared with it. */
  @Post('baseline')
  @Roles('admin', 'ml')
  @ApiZodBody(pinBaselineSchema)
  pin(
    @Auth() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(pinBaselineSchema)) body: PinBaselineBody,
  ) {
    return this.baselines.pin(principal, id, body.runId);
  }
}
