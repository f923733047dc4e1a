/**
 * The documentation conventions of docs/api.md as checks on the served document: every operation
 * has a summary, a described tag, a success response with its body, and problem+json errors for
 * what its guards, pipes and parameters can refuse. A new endpoint that skips any of it fails
 * test/api/openapi.e2e-spec.ts with a line naming the operation and what it lacks.
 */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  servers?: { url: string }[];
  security?: Record<string, string[]>[];
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas?: Record<string, unknown>;
    securitySchemes?: Record<string, { type?: string; scheme?: string; bearerFormat?: string }>;
  };
}

export interface MediaType {
  schema?: Record<string, unknown>;
  example?: unknown;
  examples?: Record<string, { value: unknown }>;
}

export interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; description?: string; schema?: unknown }[];
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, { description?: string; content?: Record<string, MediaType> }>;
  'x-lastmile-roles'?: string[];
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export function* operations(document: OpenApiDocument) {
  for (const [path, item] of Object.entries(document.paths))
    for (const method of HTTP_METHODS)
      if (item[method]) yield { path, method, operation: item[method] };
}

const PROBLEM_REF = '#/components/schemas/Problem';

function operationViolations(
  document: OpenApiDocument,
  path: string,
  method: string,
  operation: Operation,
): string[] {
  const problems: string[] = [];
  const lacks = (what: string) => problems.push(`${method.toUpperCase()} ${path} lacks ${what}`);
  const responses = operation.responses ?? {};
  const has = (status: number) => String(status) in responses;
  const described = new Map((document.tags ?? []).map((tag) => [tag.name, tag.description]));

  if (!operation.summary?.trim()) lacks('a summary (ApiEndpoint summary)');
  if (!operation.operationId) lacks('an operationId');
  if (!operation.tags?.length) lacks('a tag (@ApiTags on the controller)');
  for (const tag of operation.tags ?? [])
    if (!described.get(tag)) lacks(`a description of its tag "${tag}" (openapi/tags.ts)`);

  const statuses = Object.keys(responses);
  const success = statuses.filter((status) => /^2\d\d$/.test(status));
  if (success.length === 0) lacks('a documented success response (ApiEndpoint responses)');
  for (const status of statuses) {
    const response = responses[status];
    if (!response.description?.trim()) lacks(`a description of its ${status} response`);
    const media = Object.entries(response.content ?? {});
    if (status === '204' && media.length) lacks('an empty 204 (a 204 has no body)');
    if (/^2\d\d$/.test(status) && status !== '204' && !media.some(([, m]) => m.schema))
      lacks(`a schema for its ${status} body`);
    const isProblem = /^[45]\d\d$/.test(status) && !(path === '/health' && status === '503');
    if (isProblem && response.content?.['application/problem+json']?.schema?.$ref !== PROBLEM_REF)
      lacks(`the Problem schema as application/problem+json on its ${status}`);
  }

  if (operation.security?.length === 0) {
    // Public: no key, no rate limit of keys.
  } else {
    if (!has(401)) lacks('a 401 (every keyed route answers it)');
    if (!has(429)) lacks('a 429 (every keyed route is rate limited)');
  }
  if (operation['x-lastmile-roles'] && !has(403)) lacks('a 403 (@Roles refuses other roles)');

  const pathParameters = (operation.parameters ?? []).filter((p) => p.in === 'path');
  for (const parameter of pathParameters)
    if (!parameter.description) lacks(`a description of its path parameter "${parameter.name}"`);
  if (pathParameters.length && method !== 'put' && !has(404))
    lacks('a 404 (a path parameter names something that may not exist)');
  for (const parameter of operation.parameters ?? [])
    if (!parameter.schema) lacks(`a schema for its parameter "${parameter.name}"`);

  const body = operation.requestBody?.content ?? {};
  if (Object.keys(body).length) {
    if (!has(400)) lacks('a 400 for its request body (ApiZodBody)');
    if (!has(413)) lacks('a 413 for its request body (ApiZodBody)');
  }
  const json = body['application/json'];
  if (json && !json.example && !Object.keys(json.examples ?? {}).length)
    lacks('an example of its JSON request body (ApiZodBody examples)');
  return problems;
}

/** Every convention the document breaks, one line each; empty when it keeps them all. */
export function openApiRuleViolations(document: OpenApiDocument): string[] {
  const problems: string[] = [];
  if (!/^3\.1\.\d+$/.test(document.openapi))
    problems.push(`openapi is ${document.openapi}, not 3.1`);
  if (!document.servers?.length) problems.push('the document has no servers');
  const bearer = document.components.securitySchemes?.bearer;
  if (bearer?.type !== 'http' || bearer.scheme !== 'bearer')
    problems.push('the bearer security scheme is missing');
  if (/jwt/i.test(bearer?.bearerFormat ?? '')) problems.push('API keys are opaque, not JWTs');
  if (JSON.stringify(document.security) !== JSON.stringify([{ bearer: [] }]))
    problems.push('the bearer scheme is not applied to the whole document');
  if (JSON.stringify(document).includes('"$defs"'))
    problems.push('$defs left in the document: schemas belong in components/schemas');
  for (const { path, method, operation } of operations(document))
    problems.push(...operationViolations(document, path, method, operation));
  return problems;
}
