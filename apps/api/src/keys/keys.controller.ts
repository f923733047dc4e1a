import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource, IsNull } from 'typeorm';
import { ApiKey } from '@lastmile/persistence';
import { ApiZodBody } from '../common/api-body.decorator';
import { AuditService } from '../common/audit.service';
import { notFound } from '../common/problem.exception';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ZodPipe } from '../common/zod-body.pipe';
import { ApiKeysService } from '../auth/api-keys.service';
import { Auth, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { TenantsService } from '../tenants/tenants.service';
import { createKeySchema, type CreateKeyBody } from './key.dto';

@ApiTags('keys')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/keys')
export class KeysController {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly tenants: TenantsService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  /** The key is in this response only; it is stored hashed. */
  @Post()
  @ApiZodBody(createKeySchema)
  async create(
    @Auth() principal: Principal,
    @Body(new ZodPipe(createKeySchema)) body: CreateKeyBody,
  ) {
    const tenantId = body.tenant ? (await this.tenants.find(body.tenant)).id : null;
    return this.dataSource.transaction(async (manager) => {
      const created = await this.keys.create(body.role, tenantId, body.name ?? null, manager);
      await this.audit.record(
        principal,
        'create',
        'api_key',
        created.id,
        { role: body.role, tenantId },
        manager,
      );
      return created;
    });
  }

  @Get()
  list() {
    return this.dataSource.getRepository(ApiKey).find({
      select: {
        id: true,
        name: true,
        prefix: true,
        role: true,
        tenantId: true,
        createdAt: true,
        revokedAt: true,
      },
      order: { createdAt: 'ASC' },
    });
  }

  @Delete(':id')
  @HttpCode(204)
  async revoke(
    @Auth() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const result = await manager
        .getRepository(ApiKey)
        .update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
      if (!result.affected) throw notFound('api key', id);
      await this.audit.record(principal, 'revoke', 'api_key', id, {}, manager);
    });
    this.keys.forgetResolved();
  }
}
