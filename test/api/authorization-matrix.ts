/**
 * Who gets what on every route: the exact status for each caller. The e2e spec enumerates the
 * routes the running app serves and fails on any route missing here, so a new endpoint cannot
 * ship without someone deciding who may call it.
 *
 * Callers: customerOwn is a customer key of the tenant that owns what the path names;
 * customerOther is a customer key of another tenant. wrongKey is a well-formed key that was
 * never issued; anonymous sends no Authorization header.
 */
export const CALLERS = [
  'admin',
  'ml',
  'customerOwn',
  'customerOther',
  'oncall',
  'wrongKey',
  'anonymous',
] as const;
export type Caller = (typeof CALLERS)[number];
export type MatrixRow = Record<Caller, number>;

function row(...statuses: number[]): MatrixRow {
  if (statuses.length !== CALLERS.length) throw new Error(`a row needs ${CALLERS.length} statuses`);
  return Object.fromEntries(CALLERS.map((caller, i) => [caller, statuses[i]])) as MatrixRow;
}

const everyone = (status: number) => row(...CALLERS.map(() => status));

// prettier-ignore
export const AUTHORIZATION_MATRIX: Record<string, MatrixRow> = {
  // Public: liveness, Prometheus, the OpenAPI docs and the favicon browsers ask for.
  'GET /health':                       everyone(200),
  'GET /favicon.ico':                  everyone(200),
  'GET /metrics':                      everyone(200),
  'GET /docs':                         everyone(200),
  'GET /docs/':                        everyone(200),
  'GET /docs/index.html':              everyone(200),
  'GET /docs/swagger-ui-init.js':      everyone(200),
  'GET /docs/docs/swagger-ui-init.js': everyone(200),
  'GET /docs-json':                    everyone(200),
  'GET /docs-yaml':                    everyone(200),
  // @nestjs/swagger registers this route only to answer 404.
  'GET /docs/LICENSE':                 everyone(404),
  //                                  admin  ml  own other oncall wrong anon
  'POST /v1/tenants':              row(201, 403, 403, 403, 403, 401, 401),
  'GET /v1/tenants':               row(200, 403, 403, 403, 403, 401, 401),
  'GET /v1/tenants/:tenant':       row(200, 403, 403, 403, 403, 401, 401),
  // Slices: another tenant's are hidden (404), not forbidden, so their existence does not leak.
  'POST /v1/tenants/:tenant/slices':          row(201, 403, 201, 404, 403, 401, 401),
  'GET /v1/tenants/:tenant/slices':           row(200, 200, 200, 404, 200, 401, 401),
  'GET /v1/tenants/:tenant/slices/:id':       row(200, 200, 200, 404, 200, 401, 401),
  'GET /v1/tenants/:tenant/slices/:id/items': row(200, 200, 200, 404, 200, 401, 401),
  'GET /v1/tenants/:tenant/slices/:id/items/:itemId/audio': row(200, 200, 200, 404, 200, 401, 401),
  // Secrets: write-only; a tenant's by its admin or its own customer keys, the operator's by admin/ml.
  'PUT /v1/tenants/:tenant/secrets/:name':    row(201, 403, 201, 404, 403, 401, 401),
  'GET /v1/tenants/:tenant/secrets':          row(200, 403, 200, 404, 403, 401, 401),
  'DELETE /v1/tenants/:tenant/secrets/:name': row(204, 403, 204, 404, 403, 401, 401),
  'PUT /v1/secrets/:name':         row(201, 201, 403, 403, 403, 401, 401),
  'GET /v1/secrets':               row(200, 200, 403, 403, 403, 401, 401),
  'DELETE /v1/secrets/:name':      row(204, 204, 403, 403, 403, 401, 401),
  'POST /v1/keys':                 row(201, 403, 403, 403, 403, 401, 401),
  'GET /v1/keys':                  row(200, 403, 403, 403, 403, 401, 401),
  'DELETE /v1/keys/:id':           row(204, 403, 403, 403, 403, 401, 401),
  'POST /v1/models':               row(201, 201, 403, 403, 403, 401, 401),
  'GET /v1/models':                row(200, 200, 200, 200, 200, 401, 401),
  'GET /v1/models/:id':            row(200, 200, 200, 200, 200, 401, 401),
  'POST /v1/scenarios':            row(201, 201, 403, 403, 403, 401, 401),
  'GET /v1/scenarios':             row(200, 200, 200, 200, 200, 401, 401),
  'GET /v1/scenarios/kinds':       row(200, 200, 200, 200, 200, 401, 401),
  'GET /v1/scenarios/:id':         row(200, 200, 200, 200, 200, 401, 401),
  'POST /v1/plans':                row(201, 201, 201, 201, 403, 401, 401),
  'GET /v1/plans':                 row(200, 200, 200, 200, 200, 401, 401),
  'GET /v1/plans/:id':             row(200, 200, 200, 404, 200, 401, 401),
  'PATCH /v1/plans/:id':           row(200, 200, 200, 404, 403, 401, 401),
  'DELETE /v1/plans/:id':          row(204, 204, 204, 404, 403, 401, 401),
  'POST /v1/plans/:id/runs':       row(202, 202, 202, 404, 403, 401, 401),
  'GET /v1/runs':                  row(200, 200, 200, 200, 200, 401, 401),
  'GET /v1/runs/:id':              row(200, 200, 200, 404, 200, 401, 401),
  'GET /v1/runs/:id/metrics':      row(200, 200, 200, 404, 200, 401, 401),
  'GET /v1/runs/:id/monitoring':   row(200, 200, 200, 404, 200, 401, 401),
  'GET /v1/runs/:id/report':       row(200, 200, 200, 404, 200, 401, 401),
  'POST /v1/runs/:id/cancel':      row(202, 202, 202, 404, 403, 401, 401),
  // Baselines: reading follows the plan; pinning is the ML team's. The matrix's run is still
  // queued, so an allowed pin is refused as a conflict (only a finished run can be a baseline).
  'GET /v1/plans/:id/baselines':   row(200, 200, 200, 404, 200, 401, 401),
  'POST /v1/plans/:id/baseline':   row(409, 409, 403, 403, 403, 401, 401),
  // Alerts: customers read their own tenant's only and never change them.
  'GET /v1/alerts':                row(200, 200, 200, 200, 200, 401, 401),
  'GET /v1/alerts/:id':            row(200, 200, 200, 404, 200, 401, 401),
  'GET /v1/findings':              row(200, 200, 200, 200, 200, 401, 401),
  'POST /v1/alerts/:id/ack':       row(200, 200, 403, 403, 200, 401, 401),
  'POST /v1/alerts/:id/resolve':   row(200, 200, 403, 403, 200, 401, 401),
  // Service cards: every key reads a model's card, built in its own scope (a customer's from public
  // data and its tenant's); the hand-written notes are the ML team's.
  'PATCH /v1/models/:id':          row(200, 200, 403, 403, 403, 401, 401),
  'GET /v1/models/:id/card':       row(200, 200, 200, 200, 200, 401, 401),
  'GET /v1/models/:id/cards':      row(200, 200, 200, 200, 200, 401, 401),
  // A stored version answers only in the scope it was built for: the matrix's is customerOwn's
  // tenant's, so the operator's roles (scope: everything) and the other tenant get 404.
  'GET /v1/models/:id/cards/:cardId': row(404, 404, 200, 404, 404, 401, 401),
  // Bias bounties: the ML team's programs; researchers are in authorization-matrix-researcher.ts.
  'POST /v1/bounties':                                 row(201, 201, 403, 403, 403, 401, 401),
  'GET /v1/bounties':                                  row(200, 200, 403, 403, 403, 401, 401),
  'GET /v1/bounties/:id':                              row(200, 200, 403, 403, 403, 401, 401),
  'POST /v1/bounties/:id/close':                       row(200, 200, 403, 403, 403, 401, 401),
  'POST /v1/bounties/:id/submissions':                 row(403, 403, 403, 403, 403, 401, 401),
  'GET /v1/bounties/:id/submissions':                  row(200, 200, 403, 403, 403, 401, 401),
  'GET /v1/bounties/:id/submissions/:submissionId':    row(200, 200, 403, 403, 403, 401, 401),
  'GET /v1/bounties/:id/leaderboard':                  row(200, 200, 403, 403, 403, 401, 401),
  // Review queue: labelling is the reviewers' (and admin's); agreement is read by the operator's
  // roles too. Reviewers are in authorization-matrix-reviewer.ts.
  'GET /v1/reviews/next':          row(200, 403, 403, 403, 403, 401, 401),
  'GET /v1/reviews/agreement':     row(200, 200, 403, 403, 200, 401, 401),
  'POST /v1/reviews/:id':          row(201, 403, 403, 403, 403, 401, 401),
  // The console: each caller is a browser signed in with its key (wrongKey: a forged session
  // cookie; anonymous: none). Without a session a page answers 303 to the sign-in page; a form's
  // success is a 303 to its page; a refusal is an HTML page with the API's status.
  'GET /console/sign-in':          row(303, 303, 303, 303, 303, 200, 200),
  'POST /console/sign-in':         row(303, 303, 303, 303, 303, 401, 401),
  'GET /console/assets/:name':     everyone(200),
  'GET /console':                  row(302, 302, 302, 302, 302, 303, 303),
  'POST /console/sign-out':        row(303, 303, 303, 303, 303, 303, 303),
  'GET /console/alerts':           row(200, 200, 200, 200, 200, 303, 303),
  'GET /console/alerts/:id':       row(200, 200, 200, 404, 200, 303, 303),
  'POST /console/alerts/:id/ack':  row(303, 303, 403, 403, 303, 303, 303),
  'POST /console/alerts/:id/resolve': row(303, 303, 403, 403, 303, 303, 303),
  // A customer's slices and uploads are its own tenant's whatever it names.
  'GET /console/slices':           row(200, 200, 200, 200, 200, 303, 303),
  'GET /console/slices/:id':       row(200, 200, 200, 404, 200, 303, 303),
  'GET /console/slices/:id/items/:item/audio': row(200, 200, 200, 404, 200, 303, 303),
  'GET /console/upload':           row(200, 403, 200, 200, 403, 303, 303),
  'POST /console/upload':          row(303, 403, 303, 303, 403, 303, 303),
  'GET /console/plans':            row(200, 200, 200, 200, 200, 303, 303),
  'GET /console/plans/:id':        row(200, 200, 200, 404, 200, 303, 303),
  'POST /console/plans/:id/baseline': row(409, 409, 403, 403, 403, 303, 303),
  'GET /console/runs':             row(200, 200, 200, 200, 200, 303, 303),
  'GET /console/runs/:id':         row(200, 200, 200, 404, 200, 303, 303),
  'GET /console/compare':          row(200, 200, 200, 404, 200, 303, 303),
  'GET /console/models':           row(200, 200, 200, 200, 200, 303, 303),
};
