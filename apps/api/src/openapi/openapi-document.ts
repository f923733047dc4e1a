import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { finalizeDocument } from './finalize-document';
import { API_TAGS } from './tags';

const DESCRIPTION = `Continuous model evaluation with last-mile monitoring.

Every error is \`application/problem+json\` (the \`Problem\` schema). Every route but health and
metrics needs an API key: \`Authorization: Bearer lm_…\`. See docs/api.md for errors,
authentication, pagination and generating a client.`;

/** Operation ids as generated clients name their functions: `runs_get`, `tenantSecrets_put`. */
const operationId = (controller: string, method: string) =>
  `${controller.charAt(0).toLowerCase()}${controller.slice(1).replace(/Controller$/, '')}_${method}`;

/**
 * The OpenAPI 3.1 document of the API, built from the controllers' decorators. Public URL: the
 * server clients should call (LASTMILE_PUBLIC_URL); without one, relative to where the document
 * was fetched from.
 */
export function createOpenApiDocument(app: INestApplication, publicUrl: string): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Lastmile API')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addServer(publicUrl.replace(/\/+$/, '') || '/', publicUrl ? 'This deployment' : 'This server')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque',
        description:
          'An API key issued by POST /v1/keys or `lastmile keys create`: `lm_` followed by 43 base64url characters. Opaque (not a JWT): the server stores only its SHA-256 and resolves it on each request. Its role (admin, ml, customer, oncall) decides what it may do; a customer key sees its own tenant only.',
      },
      'bearer',
    )
    .addSecurityRequirements('bearer');
  for (const tag of API_TAGS) builder.addTag(tag.name, tag.description);
  const config = builder.build();
  // package.json says UNLICENSED: no licence is granted. 3.1 names a licence by SPDX identifier
  // (Nest's types know only 3.0's url).
  const license = { name: 'UNLICENSED', identifier: 'LicenseRef-UNLICENSED' };
  config.info.license = license as typeof config.info.license;
  return finalizeDocument(
    SwaggerModule.createDocument(app, config, { operationIdFactory: operationId }),
  );
}
