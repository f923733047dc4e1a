import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { problemResponse, type ProblemStatus } from '../openapi/problem-responses';

/** A status alone takes the default description; give one when the route has a specific cause. */
export type ProblemSpec = ProblemStatus | { status: ProblemStatus; description: string };

/**
 * Documents the problem+json errors a route answers beyond the automatic ones: 401 and 429 are
 * added to every route that needs a key, 403 to every route with @Roles, and 400 (+ 413 for JSON
 * bodies) by ApiZodBody and ApiZodQuery. Name here 404 for path parameters, 409 for conflicts,
 * 422 for content refused after parsing, and any route-specific cause.
 */
export function ApiProblems(...problems: ProblemSpec[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...problems.map((problem) => {
      const { status, description } =
        typeof problem === 'number' ? { status: problem, description: undefined } : problem;
      return ApiResponse({ status, ...problemResponse(status, description) });
    }),
  );
}
