import { Body, Controller, Delete, Get, HttpCode, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiZodBody } from '../common/api-body.decorator';
import { ZodPipe } from '../common/zod-body.pipe';
import { Auth, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { putSecretSchema, secretNameSchema, type PutSecretBody } from './secret.dto';
import { SecretsService } from './secrets.service';

const nameParam = new ZodPipe(secretNameSchema, 'secret name');

/** A tenant's secrets for its notification channels (HMAC secrets, routing keys, Slack URLs). */
@ApiTags('secrets')
@ApiBearerAuth()
@Roles('admin', 'customer')
@Controller('v1/tenants/:tenant/secrets')
export class TenantSecretsController {
  constructor(private readonly secrets: SecretsService) {}

  /** Creates (201) or rotates (200) a secret; the answer never holds the value. */
  @Put(':name')
  @ApiZodBody(putSecretSchema)
  async put(
    @Auth() principal: Principal,
    @Param('tenant') tenant: string,
    @Param('name', nameParam) name: string,
    @Body(new ZodPipe(putSecretSchema)) body: PutSecretBody,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { created, ...listing } = await this.secrets.put(principal, tenant, name, body.value);
    response.status(created ? 201 : 200);
    return listing;
  }

  @Get()
  list(@Auth() principal: Principal, @Param('tenant') tenant: string) {
    return this.secrets.list(principal, tenant);
  }

  @Delete(':name')
  @HttpCode(204)
  remove(
    @Auth() principal: Principal,
    @Param('tenant') tenant: string,
    @Param('name', nameParam) name: string,
  ) {
    return this.secrets.remove(principal, tenant, name);
  }
}

/** The operator's own secrets, for the channels of plans that belong to no tenant. */
@ApiTags('secrets')
@ApiBearerAuth()
@Roles('admin', 'ml')
@Controller('v1/secrets')
export class OperatorSecretsController {
  constructor(private readonly secrets: SecretsService) {}

  @Put(':name')
  @ApiZodBody(putSecretSchema)
  async put(
    @Auth() principal: Principal,
    @Param('name', nameParam) name: string,
    @Body(new ZodPipe(putSecretSchema)) body: PutSecretBody,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { created, ...listing } = await this.secrets.put(principal, null, name, body.value);
    response.status(created ? 201 : 200);
    return listing;
  }

  @Get()
  list(@Auth() principal: Principal) {
    return this.secrets.list(principal, null);
  }

  @Delete(':name')
  @HttpCode(204)
  remove(@Auth() principal: Principal, @Param('name', nameParam) name: string) {
    return this.secrets.remove(principal, null, name);
  }
}
