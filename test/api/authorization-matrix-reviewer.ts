import type { MatrixRow } from './authorization-matrix';

/**
 * The reviewer role, as two more callers of every route: `reviewerOwn` holds a reviewer key
 * bound to the tenant that owns the matrix's run (and the review task on it), `reviewerOther` one
 * bound to another tenant. A reviewer key reaches only the routes listed here (another tenant's
 * task answers 404, so its existence does not leak; an empty queue answers 204); every other route
 * answers 403 to both, and public routes answer as they answer everyone.
 */
export const REVIEWER_CALLERS = ['reviewerOwn', 'reviewerOther'] as const;
export type ReviewerCaller = (typeof REVIEWER_CALLERS)[number];

// prettier-ignore
export const REVIEWER_MATRIX: Record<string, [reviewerOwn: number, reviewerOther: number]> = {
  'GET /v1/reviews/next':      [200, 204],
  'GET /v1/reviews/agreement': [200, 200],
  'POST /v1/reviews/:id':      [201, 404],
};

/** The reviewers' statuses on a route whose other callers' row is `row`. */
export function reviewerRow(route: string, row: MatrixRow): Record<ReviewerCaller, number> {
  const listed = REVIEWER_MATRIX[route];
  if (listed) return { reviewerOwn: listed[0], reviewerOther: listed[1] };
  const status = row.anonymous === 401 ? 403 : row.anonymous;
  return { reviewerOwn: status, reviewerOther: status };
}
