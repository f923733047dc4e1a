import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openApiRuleViolations, type OpenApiDocument, type Operation } from './openapi-rules';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

const documented = (): Operation => ({
  operationId: 'runs_get',
  summary: 'Get a run',
  tags: ['runs'],
  parameters: [
    { name: 'id', in: 'path', description: "The run's id.", schema: { type: 'string' } },
  ],
  responses: {
    200: {
      description: 'The run.',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Run' } } },
    },
    401: problem('No key.'),
    404: problem('No such run.'),
    429: problem('Slow down.'),
  },
});

const documentWith = (operation: Operation): OpenApiDocument => ({
  openapi: '3.1.0',
  info: { title: 'Lastmile API', version: '1' },
  servers: [{ url: '/' }],
  security: [{ bearer: [] }],
  tags: [{ name: 'runs', description: 'Evaluation runs.' }],
  paths: { '/v1/runs/{id}': { get: operation } },
  components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
});

describe('OpenAPI documentation rules', () => {
  it('accept a fully documented operation', () => {
    assert.deepEqual(openApiRuleViolations(documentWith(documented())), []);
  });

  it('name an operation without a summary, tag or success response', () => {
    const { summary: _s, tags: _t, ...rest } = documented();
    const responses = { ...rest.responses };
    delete responses[200];
    assert.deepEqual(openApiRuleViolations(documentWith({ ...rest, responses })), [
      'GET /v1/runs/{id} lacks a summary (ApiEndpoint summary)',
      'GET /v1/runs/{id} lacks a tag (@ApiTags on the controller)',
      'GET /v1/runs/{id} lacks a documented success response (ApiEndpoint responses)',
    ]);
  });

  it('name missing error responses: 401, 429, 403 under @Roles, 404 for a path parameter', () => {
    const operation = { ...documented(), 'x-lastmile-roles': ['admin'] };
    operation.responses = { 200: operation.responses[200] };
    assert.deepEqual(openApiRuleViolations(documentWith(operation)), [
      'GET /v1/runs/{id} lacks a 401 (every keyed route answers it)',
      'GET /v1/runs/{id} lacks a 429 (every keyed route is rate limited)',
      'GET /v1/runs/{id} lacks a 403 (@Roles refuses other roles)',
      'GET /v1/runs/{id} lacks a 404 (a path parameter names something that may not exist)',
    ]);
  });

  it('name an error that is not a Problem, and a JSON body without 400, 413 or example', () => {
    const operation = documented();
    operation.responses[404] = { description: 'No such run.' };
    operation.requestBody = { content: { 'application/json': { schema: { type: 'object' } } } };
    assert.deepEqual(openApiRuleViolations(documentWith(operation)), [
      'GET /v1/runs/{id} lacks the Problem schema as application/problem+json on its 404',
      'GET /v1/runs/{id} lacks a 400 for its request body (ApiZodBody)',
      'GET /v1/runs/{id} lacks a 413 for its request body (ApiZodBody)',
      'GET /v1/runs/{id} lacks an example of its JSON request body (ApiZodBody examples)',
    ]);
  });

  it('name a tag without a description, an undocumented body and a JWT bearer format', () => {
    const document = documentWith({ ...documented(), tags: ['cards'] });
    document.components.securitySchemes!.bearer.bearerFormat = 'JWT';
    document.paths['/v1/runs/{id}'].get.responses[200] = { description: 'The run.' };
    assert.deepEqual(openApiRuleViolations(document), [
      'API keys are opaque, not JWTs',
      'GET /v1/runs/{id} lacks a description of its tag "cards" (openapi/tags.ts)',
      'GET /v1/runs/{id} lacks a schema for its 200 body',
    ]);
  });

  it('name a 3.0 document, missing servers and leftover $defs', () => {
    const document = { ...documentWith(documented()), openapi: '3.0.0', servers: [] };
    document.components.schemas = { Run: { $defs: { x: {} } } };
    assert.deepEqual(openApiRuleViolations(document), [
      'openapi is 3.0.0, not 3.1',
      'the document has no servers',
      '$defs left in the document: schemas belong in components/schemas',
    ]);
  });
});
