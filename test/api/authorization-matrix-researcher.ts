import type { MatrixRow } from './authorization-matrix';

/**
 * The researcher role, as two more callers of every route: `researcher` holds a key of the bounty
 * program the path names, `researcherOther` a key of another program. A researcher key reaches
 * only the routes listed here (another program's answers 404, so its existence does not leak);
 * every other route answers 403 to both — the sealed pool, runs, models, plans, slices, alerts,
 * cards and every tenant's data — and public routes answer as they answer everyone.
 */
export const RESEARCHER_CALLERS = ['researcher', 'researcherOther'] as const;
export type ResearcherCaller = (typeof RESEARCHER_CALLERS)[number];

// prettier-ignore
export const RESEARCHER_MATRIX: Record<string, [researcher: number, researcherOther: number]> = {
  'GET /v1/bounties/:id':                           [200, 404],
  'POST /v1/bounties/:id/submissions':              [201, 404],
  'GET /v1/bounties/:id/submissions':               [200, 404],
  'GET /v1/bounties/:id/submissions/:submissionId': [200, 404],
  'GET /v1/bounties/:id/leaderboard':               [200, 404],
};

/** The researchers' statuses on a route whose other callers' row is `row`. */
export function researcherRow(route: string, row: MatrixRow): Record<ResearcherCaller, number> {
  const listed = RESEARCHER_MATRIX[route];
  if (listed) return { researcher: listed[0], researcherOther: listed[1] };
  const status = row.anonymous === 401 ? 403 : row.anonymous;
  return { researcher: status, researcherOther: status };
}
