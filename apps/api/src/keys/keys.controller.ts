import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Database } from '@lastmile/persistence';
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
    private readonly database: Database,
  ) {}

  /** The key is in this response only; it is stored hashed. */
  @Post()
  @ApiZodBody(createKeySchema)
  async create(
    @Auth() principal: Principal,
    @Body(new ZodPipe(createKeySchema)) body: CreateKeyBody,
  ) {
    const tenantId = body.tenant ? (await this.tenants.find(body.tenant)).id : null;
    return this.database.transaction(async (stores) => {
      const created = await this.keys.create(body.role, tenantId, body.name ?? null, stores);
      await this.audit.record(
        principal,
        'create',
        'api_key',
        created.id,
        { role: body.role, tenantId },
        stores,
      );
      return created;
    });
  }

  @Get()
  list() {
    return this.database.stores.keys.list();
  }

  @Delete(':id')
  @HttpCode(204)
  async revoke(
    @Auth() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<void> {
    await this.database.transaction(async (stores) => {
      if (!(await stores.keys.revoke(id))) throw notFound('api key', id);
      // Its console sessions end with it (they are also read only joined with an unrevoked key).
      await stores.consoleSessions.removeForKey(id);
      await this.audit.record(principal, 'revoke', 'api_key', id, {}, stores);
    });
    this.keys.forgetResolved();
  }
}
