import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiZodBody } from '../common/api-body.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ZodPipe } from '../common/zod-body.pipe';
import { Auth, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { createModelSchema, type CreateModelBody } from './model.dto';
import { ModelsService } from './models.service';

@ApiTags('models')
@ApiBearerAuth()
@Controller('v1/models')
export class ModelsController {
  constructor(private readonly models: ModelsService) {}

  @Post()
  @Roles('admin', 'ml')
  @ApiZodBody(createModelSchema)
  create(
    @Auth() principal: Principal,
    @Body(new ZodPipe(createModelSchema)) body: CreateModelBody,
  ) {
    return this.models.create(principal, body);
  }

  @Get()
  list(@Auth() principal: Principal, @Query('name') name?: string) {
    return this.models.list(principal, name);
  }

  @Get(':id')
  get(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.models.get(principal, id);
  }
}
