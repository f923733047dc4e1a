import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiZodBody } from '../common/api-body.decorator';
import { ApiEndpoint, uuidParam } from '../common/api-endpoint.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ZodPipe } from '../common/zod-body.pipe';
import { Auth, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { createScenarioSchema, type CreateScenarioBody } from './scenario.dto';
import { EXAMPLES } from '../openapi/request-examples';
import {
  scenarioKindSchema,
  scenarioSchema,
  scenarioViewSchema,
} from '../openapi/responses/scenario.response';
import { ScenariosService } from './scenarios.service';

@ApiTags('scenarios')
@Controller('v1/scenarios')
export class ScenariosController {
  constructor(private readonly scenarios: ScenariosService) {}

  @Post()
  @Roles('admin', 'ml')
  @ApiEndpoint({
    summary: 'Create a scenario',
    description:
      "`config` is validated by the kind's own schema (errors name `config.<field>`) and stored with its defaults filled in, so runs are reproducible. GET /v1/scenarios/kinds lists the kinds.",
    responses: [{ status: 201, description: 'The scenario.', schema: scenarioSchema }],
    problems: [{ status: 409, description: 'A scenario with this name already exists.' }],
  })
  @ApiZodBody(createScenarioSchema, { examples: EXAMPLES.createScenario })
  create(
    @Auth() principal: Principal,
    @Body(new ZodPipe(createScenarioSchema)) body: CreateScenarioBody,
  ) {
    return this.scenarios.create(principal, body);
  }

  @Get()
  @ApiEndpoint({
    summary: 'List scenarios',
    description: 'Customer keys get a ScenarioSummary of each (no configuration).',
    responses: [
      { status: 200, description: 'The scenarios.', schema: z.array(scenarioViewSchema) },
    ],
  })
  list(@Auth() principal: Principal) {
    return this.scenarios.list(principal);
  }

  /** The registered kinds and their versions. */
  @Get('kinds')
  @ApiEndpoint({
    summary: 'List scenario kinds',
    responses: [
      { status: 200, description: 'The registered kinds.', schema: z.array(scenarioKindSchema) },
    ],
  })
  kinds() {
    return this.scenarios.kinds();
  }

  @Get(':id')
  @ApiEndpoint({
    summary: 'Get a scenario',
    description: 'Customer keys get a ScenarioSummary (no configuration).',
    responses: [{ status: 200, description: 'The scenario.', schema: scenarioViewSchema }],
    params: { id: uuidParam('scenario') },
    problems: [404],
  })
  get(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.scenarios.get(principal, id);
  }
}
