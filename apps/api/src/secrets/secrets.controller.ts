import { Body, Controller, Delete, Get, HttpCode, Param, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { ApiZodBody } from '../common/api-body.decorator';
import { ApiEndpoint, tenantParam, type PathParam } from '../common/api-endpoint.decorator';
import { ZodPipe } from '../common/zod-body.pipe';
import { Auth, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { putSecretSchema, secretNameSchema, type PutSecretBody } from './secret.dto';
import { EXAMPLES } from '../openapi/request-examples';
import { secretSchema } from '../openapi/responses/secret.response';
import { SecretsService } from './secrets.service';

const nameParam = new ZodPipe(secretNameSchema, 'secret name');

const secretNameParam: PathParam = {
  description: "The secret's name, as channels name it.",
  schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9_.-]{0,62}$' },
};

/** A tenant's secrets for its notification channels (HMAC secrets, routing keys, Slack URLs). */
@ApiTags('secrets')
@Roles('admin', 'customer')
@Controller('v1/tenants/:tenant/secrets')
export class TenantSecretsController {
  constructor(private readonly secrets: SecretsService) {}

  /** Creates (201) or rotates (200) a secret; the answer never holds the value. */
  @Put(':name')
  @ApiEndpoint({
    summary: "Store or rotate a tenant's secret",
    description:
      'Creates the secret (201) or replaces its value (200). Stored sealed; the answer, the list and the audit log name it, never show it.',
    responses: [
      { status: 201, description: 'Created.', schema: secretSchema },
      {
        status: 200,
        description: 'Rotated: the new value replaces the old.',
        schema: secretSchema,
      },
    ],
    params: { tenant: tenantParam, name: secretNameParam },
    problems: [
      {
        status: 400,
        description:
          "The name is not a secret name (1–63 of a-z, 0-9, `.`, `_`, `-`), or the value is an http(s) URL (a Slack webhook) the owner's URL policy does not let channels reach (`value`; only the host is named).",
      },
      404,
      { status: 503, description: 'The server has no LASTMILE_SECRETS_KEY to seal secrets with.' },
    ],
  })
  @ApiZodBody(putSecretSchema, { examples: EXAMPLES.putSecret })
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
  @ApiEndpoint({
    summary: "List a tenant's secrets",
    description: 'Names and dates only.',
    responses: [
      { status: 200, description: 'The secrets, by name.', schema: z.array(secretSchema) },
    ],
    params: { tenant: tenantParam },
    problems: [404],
  })
  list(@Auth() principal: Principal, @Param('tenant') tenant: string) {
    return this.secrets.list(principal, tenant);
  }

  @Delete(':name')
  @HttpCode(204)
  @ApiEndpoint({
    summary: "Delete a tenant's secret",
    description:
      'Channels that name it fail to deliver until a secret of that name is stored again.',
    responses: [{ status: 204, description: 'Deleted.' }],
    params: { tenant: tenantParam, name: secretNameParam },
    problems: [400, { status: 404, description: 'No secret of this name (or no such tenant).' }],
  })
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
@Roles('admin', 'ml')
@Controller('v1/secrets')
export class OperatorSecretsController {
  constructor(private readonly secrets: SecretsService) {}

  @Put(':name')
  @ApiEndpoint({
    summary: 'Store or rotate an operator secret',
    description:
      'Creates the secret (201) or replaces its value (200). Stored sealed; the answer, the list and the audit log name it, never show it.',
    responses: [
      { status: 201, description: 'Created.', schema: secretSchema },
      {
        status: 200,
        description: 'Rotated: the new value replaces the old.',
        schema: secretSchema,
      },
    ],
    params: { name: secretNameParam },
    problems: [
      {
        status: 400,
        description:
          "The name is not a secret name (1–63 of a-z, 0-9, `.`, `_`, `-`), or the value is an http(s) URL (a Slack webhook) the owner's URL policy does not let channels reach (`value`; only the host is named).",
      },
      { status: 503, description: 'The server has no LASTMILE_SECRETS_KEY to seal secrets with.' },
    ],
  })
  @ApiZodBody(putSecretSchema, { examples: EXAMPLES.putSecret })
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
  @ApiEndpoint({
    summary: "List the operator's secrets",
    description: 'Names and dates only.',
    responses: [
      { status: 200, description: 'The secrets, by name.', schema: z.array(secretSchema) },
    ],
  })
  list(@Auth() principal: Principal) {
    return this.secrets.list(principal, null);
  }

  @Delete(':name')
  @HttpCode(204)
  @ApiEndpoint({
    summary: 'Delete an operator secret',
    description:
      'Channels that name it fail to deliver until a secret of that name is stored again.',
    responses: [{ status: 204, description: 'Deleted.' }],
    params: { name: secretNameParam },
    problems: [400, { status: 404, description: 'No secret of this name.' }],
  })
  remove(@Auth() principal: Principal, @Param('name', nameParam) name: string) {
    return this.secrets.remove(principal, null, name);
  }
}
