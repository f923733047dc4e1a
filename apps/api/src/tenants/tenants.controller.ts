import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiZodBody } from '../common/api-body.decorator';
import { ZodPipe } from '../common/zod-body.pipe';
import { Auth, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { createTenantSchema, type CreateTenantBody } from './tenant.dto';
import { TenantsService } from './tenants.service';

@ApiTags('tenants')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Post()
  @ApiZodBody(createTenantSchema)
  create(
    @Auth() principal: Principal,
    @Body(new ZodPipe(createTenantSchema)) body: CreateTenantBody,
  ) {
    return this.tenants.create(principal, body);
  }

  @Get()
  list() {
    return this.tenants.list();
  }

  @Get(':tenant')
  get(@Param('tenant') tenant: string) {
    return this.tenants.find(tenant);
  }
}
