import type { OpenAPIObject } from '@nestjs/swagger';
import { PUBLIC_EXTENSION, ROLES_EXTENSION } from '../auth/auth.decorators';
import { problemResponse, type ProblemStatus } from './problem-responses';
import { schemaComponents } from './schema-components';

type Operation = {
  description?: string;
  security?: unknown[];
  responses: Record<string, { description?: string }>;
  [extension: `x-${string}`]: unknown;
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

function addProblem(operation: Operation, status: ProblemStatus, description?: string): void {
  operation.responses[status] ??= problemResponse(status, description);
}

/** Nest joins the descriptions of one status given twice; the same sentence once is enough. */
function dedupeDescription(response: { description?: string }): void {
  if (!response.description) return;
  response.description = [...new Set(response.description.split('\n\n'))].join('\n\n');
}

/**
 * What the global guards add to every route, written into the document from the decorators they
 * read: a key (401) and a rate limit (429) unless @Public, then `security: []`; a role check (403)
 * where @Roles applies, with the roles named, and on every other keyed route too (researcher keys
 * reach only routes that name their role). Then the zod-derived components/schemas.
 */
export function finalizeDocument(document: OpenAPIObject): OpenAPIObject {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method] as Operation | undefined;
      if (!operation) continue;
      const isPublic = operation[PUBLIC_EXTENSION] === true;
      delete operation[PUBLIC_EXTENSION];
      if (isPublic) operation.security = [];
      else {
        addProblem(operation, 401);
        addProblem(operation, 429);
      }
      const roles = operation[ROLES_EXTENSION] as string[] | undefined;
      if (roles) {
        addProblem(operation, 403, `Only these roles may call this: ${roles.join(', ')}.`);
        operation.description = [operation.description, `Roles: ${roles.join(', ')}.`]
          .filter(Boolean)
          .join('\n\n');
      } else if (!isPublic) {
        // Open to any key but a researcher's (the guard refuses those off the bounty routes).
        addProblem(
          operation,
          403,
          'Researcher keys may call only the bounty routes of their program.',
        );
      }
      Object.values(operation.responses).forEach(dedupeDescription);
    }
  }
  document.components = {
    ...document.components,
    schemas: { ...schemaComponents(), ...document.components?.schemas },
  };
  return document;
}
