import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiZodBody } from '../common/api-body.decorator';
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
import { PlansService } from './plans.service';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('v1/plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Post()
  @Roles('admin', 'ml', 'customer')
  @ApiZodBody(createPlanSchema)
  create(@Auth() principal: Principal, @Body(new ZodPipe(createPlanSchema)) body: CreatePlanBody) {
    return this.plans.create(principal, body);
  }

  @Get()
  list(@Auth() principal: Principal) {
    return this.plans.list(principal);
  }

  @Get(':id')
  get(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.plans.get(principal, id);
  }

  @Patch(':id')
  @Roles('admin', 'ml', 'customer')
  @ApiZodBody(updatePlanSchema)
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
  queueRun(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.plans.queueRun(principal, id);
  }
}
