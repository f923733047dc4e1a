import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiZodBody } from '../common/api-body.decorator';
import { ApiEndpoint, uuidParam } from '../common/api-endpoint.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ZodPipe } from '../common/zod-body.pipe';
import { Auth, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { EXAMPLES } from '../openapi/request-examples';
import { modelSchema, modelViewSchema } from '../openapi/responses/model.response';
import { createModelSchema, type CreateModelBody } from './model.dto';
import { ModelsService } from './models.service';

@ApiTags('models')
@Controller('v1/models')
export class ModelsController {
  constructor(private readonly models: ModelsService) {}

  @Post()
  @Roles('admin', 'ml')
  @ApiEndpoint({
    summary: 'Register a model version',
    description:
      "The adapter is checked against the operator's policy (hosts, environment variable names, headers, programs) before anything is stored. Secrets are named, never sent: `apiKeyEnv` names an environment variable of the runner.",
    responses: [{ status: 201, description: 'The registered model.', schema: modelSchema }],
    problems: [{ status: 409, description: 'This name and version is already registered.' }],
  })
  @ApiZodBody(createModelSchema, { examples: EXAMPLES.createModel })
  create(
    @Auth() principal: Principal,
    @Body(new ZodPipe(createModelSchema)) body: CreateModelBody,
  ) {
    return this.models.create(principal, body);
  }

  @Get()
  @ApiEndpoint({
    summary: 'List models',
    description: 'Customer keys get a ModelSummary of each (no adapter).',
    responses: [{ status: 200, description: 'The models.', schema: z.array(modelViewSchema) }],
  })
  @ApiQuery({
    name: 'name',
    required: false,
    schema: { type: 'string' },
    description: 'Only the versions of the model with this name.',
  })
  list(@Auth() principal: Principal, @Query('name') name?: string) {
    return this.models.list(principal, name);
  }

  @Get(':id')
  @ApiEndpoint({
    summary: 'Get a model',
    description: 'Customer keys get a ModelSummary (no adapter).',
    responses: [{ status: 200, description: 'The model.', schema: modelViewSchema }],
    params: { id: uuidParam('model') },
    problems: [404],
  })
  get(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.models.get(principal, id);
  }
}
