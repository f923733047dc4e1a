import { HttpException } from '@nestjs/common';

import type { FieldProblem } from '@lastmile/config';

export type { FieldProblem } from '@lastmile/config';

/** An RFC 9457 problem: the filter renders it as application/problem+json. */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
    /** For 429 and 503: when to try again, sent as Retry-After. */
    readonly retry: { retryAfterSeconds?: number } = {},
  ) {
    super({ title, detail, errors }, status);
  }
}

export const notFound = (entity: string, id: string) =>
  new ProblemException(404, 'Not Found', `${entity} ${id} does not exist`);

export const conflict = (detail: string) => new ProblemException(409, 'Conflict', detail);

export const invalid = (detail: string, errors: FieldProblem[] = []) =>
  new ProblemException(400, 'Bad Request', detail, errors);
