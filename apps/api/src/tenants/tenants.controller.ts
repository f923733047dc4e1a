import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiZodBody } from '../common/api-body.decorator';
import { ApiEndpoint, tenantParam } from '../common/api-endpoint.decorator';
import { ZodPipe } from '../common/zod-body.pipe';
import { Auth, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { createTenantSchema, type CreateTenantBody } from './tenant.dto';
import { EXAMPLES } from '../openapi/request-examples';
import { tenantSchema } from '../openapi/responses/tenant.response';
import { TenantsService } from './tenants.service';

@ApiTags('tenants')
@Roles('admin')
@Controller('v1/tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Post()
  @ApiEndpoint({
    summary: 'Create a tenant',
    responses: [{ status: 201, description: 'The tenant.', schema: tenantSchema }],
    problems: [{ status: 409, description: 'A tenant with this slug already exists.' }],
  })
  @ApiZodBody(createTenantSchema, { examples: EXAMPLES.createTenant })
  create(
    @Auth() principal: Principal,
    @Body(new ZodPipe(createTenantSchema)) body: CreateTenantBody,
  ) {
    return this.tenants.create(principal, body);
  }

  @Get()
  @ApiEndpoint({
    summary: 'List tenants',
    responses: [{ status: 200, description: 'The tenants.', schema: z.array(tenantSchema) }],
  })
  list() {
    return this.tenants.list();
  }

  @Get(':tenant')
  @ApiEndpoint({
    summary: 'Get a tenant',
    responses: [{ status: 200, description: 'The tenant.', schema: tenantSchema }],
    params: { tenant: tenantParam },
    problems: [404],
  })
  get(@Param('tenant') tenant: string) {
    return this.tenants.find(tenant);
  }
}
