import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiZodBody } from '../common/api-body.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ZodPipe } from '../common/zod-body.pipe';
import { Auth, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { createScenarioSchema, type CreateScenarioBody } from './scenario.dto';
import { ScenariosService } from './scenarios.service';

@ApiTags('scenarios')
@ApiBearerAuth()
@Controller('v1/scenarios')
export class ScenariosController {
  constructor(private readonly scenarios: ScenariosService) {}

  @Post()
  @Roles('admin', 'ml')
  @ApiZodBody(createScenarioSchema)
  create(
    @Auth() principal: Principal,
    @Body(new ZodPipe(createScenarioSchema)) body: CreateScenarioBody,
  ) {
    return this.scenarios.create(principal, body);
  }

  @Get()
  list(@Auth() principal: Principal) {
    return this.scenarios.list(principal);
  }

  /** The registered kinds and their versions. */
  @Get('kinds')
  kinds() {
    return this.scenarios.kinds();
  }

  @Get(':id')
  get(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.scenarios.get(principal, id);
  }
}
