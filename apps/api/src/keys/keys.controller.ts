import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Database } from '@lastmile/persistence';
import { ApiZodBody } from '../common/api-body.decorator';
import { ApiEndpoint, uuidParam } from '../common/api-endpoint.decorator';
import { AuditService } from '../common/audit.service';
import { invalid, notFound } from '../common/problem.exception';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ZodPipe } from '../common/zod-body.pipe';
import { ApiKeysService } from '../auth/api-keys.service';
import { Auth, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { TenantsService } from '../tenants/tenants.service';
import { EXAMPLES } from '../openapi/request-examples';
import { apiKeySchema, createdKeySchema } from '../openapi/responses/key.response';
import { createKeySchema, type CreateKeyBody } from './key.dto';

@ApiTags('keys')
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
  @ApiEndpoint({
    summary: 'Issue an API key',
    description:
      'The key is in this response only: it is stored hashed. A customer key needs a tenant; a reviewer key may have one (it then reviews that tenant’s runs only; without one, the operator’s); no other key has one; a researcher key needs a bias-bounty `program` (400 if it does not exist), and only a researcher key has one: its `name` is the credit on the leaderboard.',
    responses: [
      { status: 201, description: 'The new key, with its value.', schema: createdKeySchema },
    ],
    problems: [{ status: 404, description: 'The tenant does not exist.' }],
  })
  @ApiZodBody(createKeySchema, { examples: EXAMPLES.createKey })
  async create(
    @Auth() principal: Principal,
    @Body(new ZodPipe(createKeySchema)) body: CreateKeyBody,
  ) {
    const tenantId = body.tenant ? (await this.tenants.find(body.tenant)).id : null;
    const programId = body.program ?? null;
    if (programId && !(await this.database.stores.bounties.findProgram(programId)))
      throw invalid(`bounty program ${programId} does not exist`, [
        { field: 'program', reason: 'no such bounty program' },
      ]);
    return this.database.transaction(async (stores) => {
      const created = await this.keys.create(
        body.role,
        tenantId,
        body.name ?? null,
        stores,
        programId,
      );
      await this.audit.record(
        principal,
        'create',
        'api_key',
        created.id,
        { role: body.role, tenantId, ...(programId ? { programId } : {}) },
        stores,
      );
      return created;
    });
  }

  @Get()
  @ApiEndpoint({
    summary: 'List API keys',
    description: 'Every key, revoked ones included, by prefix: never a value or hash.',
    responses: [
      { status: 200, description: 'The keys, oldest first.', schema: z.array(apiKeySchema) },
    ],
  })
  list() {
    return this.database.stores.keys.list();
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiEndpoint({
    summary: 'Revoke an API key',
    description: 'At once on this API process; other replicas stop accepting it within 5 s.',
    responses: [{ status: 204, description: 'Revoked.' }],
    params: { id: uuidParam('key') },
    problems: [{ status: 404, description: 'No active key has this id.' }],
  })
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
