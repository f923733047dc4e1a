import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Test } from 'supertest';
import { modelBody, planBody, scenarioBody, tenantBody } from '../factories/api-bodies';
import {
  createKey,
  createPlan,
  expectStatus,
  createPlanReferences,
  createTenant,
  queueRun,
  type PlanView,
  type RunView,
  type TenantView,
} from '../factories/api-resources';
import { makeWav } from '@lastmile/slices/testing';
import { bountyBody, uploadPoolSource } from '../factories/bounty-pool';
import { insertSlice } from '../factories/slice-rows';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { AUTHORIZATION_MATRIX, CALLERS, type Caller, type MatrixRow } from './authorization-matrix';
import {
  RESEARCHER_CALLERS,
  researcherRow,
  type ResearcherCaller,
} from './authorization-matrix-researcher';
import {
  REVIEWER_CALLERS,
  reviewerRow,
  type ReviewerCaller,
} from './authorization-matrix-reviewer';
import { listRoutes, routeKey, type AppRoute } from './support/app-routes';
import { signIn, signInForm, type ConsoleClient } from '../console/support/console-session';

interface World {
  tenant: TenantView;
  refs: { modelId: string; scenarioId: string };
  plan: PlanView;
  run: RunView;
  sliceId: string;
  /** A second queued run of the plan (the console's compare needs two). */
  otherRun: RunView;
  alertId?: string;
  /** A version of the model's card built for customerOwn's tenant. */
  cardId: string;
  /** A bounty program on a pool of the tenant's, and a submission of its researcher. */
  bounty: {
    refs: { modelId: string; scenarioId: string; sliceId: string };
    programId: string;
    submissionId: string;
  };
  keys: Record<Caller | ResearcherCaller | ReviewerCaller, string | undefined>;
}

const ALL_CALLERS = [...CALLERS, ...RESEARCHER_CALLERS, ...REVIEWER_CALLERS];
type Expected = Record<Caller | ResearcherCaller | ReviewerCaller, number>;

let uploads = 0;
/** A one-row JSONL slice, different each time so every upload is a new version. */
const jsonlRows = () =>
  Buffer.from(
    `${JSON.stringify({ id: 'q1', input: `question ${++uploads}`, references: ['a'] })}\n`,
  );

describe('authorization matrix', () => {
  let t: TestApp;
  let world: World;
  let routes: AppRoute[];

  before(async () => {
    // Some 200 requests in a few seconds: more than the default per-minute limit allows.
    t = await startTestApp({ env: { LASTMILE_RATE_LIMIT_PER_MINUTE: '100000' } });
    const [tenant, otherTenant] = [await createTenant(t), await createTenant(t)];
    const refs = await createPlanReferences(t);
    const plan = await createPlan(t, refs, { tenant: tenant.slug });
    const [ml, own, other, oncall, reviewerOwn, reviewerOther] = await Promise.all([
      createKey(t, 'ml'),
      createKey(t, 'customer', tenant.slug),
      createKey(t, 'customer', otherTenant.slug),
      createKey(t, 'oncall'),
      createKey(t, 'reviewer', tenant.slug),
      createKey(t, 'reviewer', otherTenant.slug),
    ]);
    const bountyRefs = { ...refs, sliceId: await uploadPoolSource(t, tenant.slug) };
    const openProgram = async () =>
      (
        await expectStatus<{ id: string }>(
          t.http
            .post('/v1/bounties')
            .set(bearer(TEST_ADMIN_KEY))
            .send(bountyBody(bountyRefs, { dailyLimit: 100 })),
          201,
        )
      ).id;
    const researcherKey = async (program: string) =>
      (
        await expectStatus<{ key: string }>(
          t.http.post('/v1/keys').set(bearer(TEST_ADMIN_KEY)).send({ role: 'researcher', program }),
          201,
        )
      ).key;
    const [programId, otherProgramId] = [await openProgram(), await openProgram()];
    const [researcher, researcherOther] = [
      await researcherKey(programId),
      await researcherKey(otherProgramId),
    ];
    const submission = await expectStatus<{ id: string }>(
      t.http
        .post(`/v1/bounties/${programId}/submissions`)
        .set(bearer(researcher))
        .send({ predicate: 'accent = en-us' }),
      201,
    );
    world = {
      tenant,
      refs,
      plan,
      run: await queueRun(t, plan.id),
      sliceId: (await insertSlice(t.dataSource, tenant.id)).id,
      bounty: { refs: bountyRefs, programId, submissionId: submission.id },
      otherRun: await queueRun(t, plan.id),
      cardId: (
        await expectStatus<{ cardId: string }>(
          t.http.get(`/v1/models/${refs.modelId}/card`).set(bearer(own.key)),
          200,
        )
      ).cardId,
      keys: {
        admin: TEST_ADMIN_KEY,
        ml: ml.key,
        customerOwn: own.key,
        customerOther: other.key,
        oncall: oncall.key,
        wrongKey: 'lm_never_issued_0000000000000000',
        anonymous: undefined,
        researcher,
        researcherOther,
        reviewerOwn: reviewerOwn.key,
        reviewerOther: reviewerOther.key,
      },
    };
    routes = listRoutes(t.app);
    await t.dataSource.query(
      `INSERT INTO slice_items (slice_id, item_key, ordinal, attributes, audio, audio_mime, audio_ms)
       VALUES ($1, 'a1', 0, '{}', $2, 'audio/wav', 10)`,
      [world.sliceId, makeWav()],
    );
    // One task in the tenant's queue, so that GET /v1/reviews/next has something to hand out.
    await insertReviewTask();
  });
  after(async () => t.close());

  /** What each write sends (nothing for some); a new write route must add its own line. */
  const writes: Record<string, (request: Test) => Test> = {
    'POST /v1/tenants': (request) => request.send(tenantBody()),
    'POST /v1/tenants/:tenant/slices': (request) =>
      request.field('name', 'matrix').attach('file', jsonlRows(), 'rows.jsonl'),
    'POST /v1/keys': (request) => request.send({ role: 'oncall' }),
    'POST /v1/models': (request) => request.send(modelBody()),
    'POST /v1/scenarios': (request) => request.send(scenarioBody()),
    'POST /v1/plans': (request) =>
      request.send(planBody(world.refs.modelId, world.refs.scenarioId)),
    'PATCH /v1/plans/:id': (request) => request.send({ name: 'renamed by the matrix' }),
    'DELETE /v1/keys/:id': (request) => request,
    'DELETE /v1/plans/:id': (request) => request,
    'POST /v1/plans/:id/runs': (request) => request,
    'POST /v1/runs/:id/cancel': (request) => request,
    'POST /v1/plans/:id/baseline': (request) => request.send({ runId: world.run.id }),
    'POST /v1/alerts/:id/ack': (request) => request.send({ note: 'matrix' }),
    'POST /v1/alerts/:id/resolve': (request) => request.send({ note: 'matrix' }),
    'PUT /v1/tenants/:tenant/secrets/:name': (request) => request.send({ value: 'matrix-secret' }),
    'PUT /v1/secrets/:name': (request) => request.send({ value: 'matrix-secret' }),
    'PATCH /v1/models/:id': (request) => request.send({ card: { contact: 'matrix@example.com' } }),
    'POST /v1/bounties': (request) => request.send(bountyBody(world.bounty.refs)),
    'POST /v1/bounties/:id/close': (request) => request,
    // One caller in nine passes the role check: a fresh subset each time keeps it from being a repeat.
    'POST /v1/bounties/:id/submissions': (request) => request.send({ predicate: nextSubset() }),
    'DELETE /v1/tenants/:tenant/secrets/:name': (request) => request,
    'DELETE /v1/secrets/:name': (request) => request,
    'POST /v1/reviews/:id': (request) => request.send({ score: 3 }),
  };
  /** What a read sends besides its path (nothing for most). */
  const reads: Record<string, (request: Test) => Test> = {
    'GET /v1/reviews/agreement': (request) => request.query({ scenarioId: world.refs.scenarioId }),
  };

  /** A review task on the tenant's run, inserted as the sampler would (a fresh one per label). */
  async function insertReviewTask(): Promise<string> {
    const rows: { id: string }[] = await t.dataSource.query(
      `INSERT INTO review_tasks (run_id, scenario_id, tenant_id, slice_id, item_key, stratum, judge_id, judge, judge_label)
       VALUES ($1, $2, $3, $4, $5, 'all', 'judge:matrix', $6, 'pass') RETURNING id`,
      [
        world.run.id,
        world.refs.scenarioId,
        world.tenant.id,
        world.sliceId,
        `matrix-${Math.random()}`,
        JSON.stringify({
          mode: 'single',
          scale: { min: 1, max: 5 },
          passScore: 5,
          rubric: 'matrix',
        }),
      ],
    );
    return rows[0].id;
  }
  let secrets = 0;
  let subsets = 0;
  const nextSubset = () =>
    ['accent = en-gb', 'noise = hum', 'accent != en-us', 'noise = none'][subsets++ % 4];

  /** A fresh secret name per call (a PUT creates it: 201); a DELETE's is stored first. */
  async function secretName(route: AppRoute): Promise<string> {
    const name = `matrix-${++secrets}`;
    if (route.method === 'DELETE') {
      const path = route.path.startsWith('/v1/tenants')
        ? `/v1/tenants/${world.tenant.slug}/secrets/${name}`
        : `/v1/secrets/${name}`;
      await t.http.put(path).set(bearer(TEST_ADMIN_KEY)).send({ value: 'matrix' }).expect(201);
    }
    return name;
  }

  /** An open drift alert on the tenant's plan, inserted as the monitor would. */
  async function insertAlert(): Promise<string> {
    const rows: { id: string }[] = await t.dataSource.query(
      `INSERT INTO alerts (dedup_key, type, status, severity, plan_id, model_id, tenant_id, slice_id, subgroup, metric, title, evidence)
       VALUES ($1, 'drift', 'open', 'warning', $2, $3, $4, $5, 'all', 'exact_match', 'matrix alert', '{}') RETURNING id`,
      [
        `matrix:${Math.random()}`,
        world.plan.id,
        world.refs.modelId,
        world.tenant.id,
        world.sliceId,
      ],
    );
    return rows[0].id;
  }

  /** An item with a recording in the tenant's slice, stored once. */
  /** The value of a path parameter; routes that destroy what they name get a fresh one each call. */
  async function paramValue(route: AppRoute, name: string): Promise<string> {
    const segments = route.path.split('/');
    const resource = segments[segments.indexOf(`:${name}`) - 1];
    const destroys = route.method === 'DELETE' || /\/(cancel|ack|resolve|close)$/.test(route.path);
    switch (`${resource}/:${name}`) {
      case 'tenants/:tenant':
        return world.tenant.slug;
      case 'slices/:id':
        return world.sliceId;
      case 'keys/:id':
        return (await createKey(t, 'oncall')).id;
      case 'models/:id':
        return world.refs.modelId;
      case 'scenarios/:id':
        return world.refs.scenarioId;
      case 'plans/:id':
        return destroys
          ? (await createPlan(t, world.refs, { tenant: world.tenant.slug })).id
          : world.plan.id;
      case 'runs/:id':
        return destroys ? (await queueRun(t, world.plan.id)).id : world.run.id;
      case 'alerts/:id':
        if (destroys || !world.alertId) world.alertId = await insertAlert();
        return world.alertId;
      case 'secrets/:name':
        return secretName(route);
      case 'bounties/:id':
        return destroys ? openBountyProgram() : world.bounty.programId;
      case 'submissions/:submissionId':
        return world.bounty.submissionId;
      case 'cards/:cardId':
        return world.cardId;
      // The recording inserted in before(): the API's and the console's audio routes.
      case 'items/:itemId':
      case 'items/:item':
        return 'a1';
      case 'assets/:name':
        return 'console.css';
      case 'reviews/:id':
        return insertReviewTask();
    }
    throw new Error(`no fixture for :${name} in ${routeKey(route)}: add one to paramValue`);
  }

  async function openBountyProgram(): Promise<string> {
    const request = t.http
      .post('/v1/bounties')
      .set(bearer(TEST_ADMIN_KEY))
      .send(bountyBody(world.bounty.refs));
    return (await expectStatus<{ id: string }>(request, 201)).id;
  }

  const sessions = new Map<Caller | ResearcherCaller | ReviewerCaller, ConsoleClient>();
  /** The caller's console session: signed in once with its key (a sign-out gets a fresh one). */
  async function session(
    caller: Caller | ResearcherCaller | ReviewerCaller,
    fresh = false,
  ): Promise<string | null> {
    const key = world.keys[caller];
    if (caller === 'wrongKey') return 'lastmile_session=forged-session-token';
    // A researcher's or reviewer's key cannot sign in to the console: its browser has no session.
    if (!key || caller.startsWith('researcher') || caller.startsWith('reviewer')) return null;
    if (fresh || !sessions.has(caller)) {
      const client = await signIn(t, key);
      if (fresh) return `${client.cookie}\u0000${client.csrf}`;
      sessions.set(caller, client);
    }
    const client = sessions.get(caller)!;
    return `${client.cookie}\u0000${client.csrf}`;
  }

  /** A console request as the caller's browser sends it: session cookie, CSRF token on writes. */
  async function sendConsole(
    route: AppRoute,
    caller: Caller | ResearcherCaller | ReviewerCaller,
    path: string,
  ) {
    const key = routeKey(route);
    if (key === 'POST /console/sign-in') {
      const form = await signInForm(t);
      const apiKey = world.keys[caller];
      return t.http
        .post(path)
        .set('Cookie', form.cookie)
        .type('form')
        .send({ _csrf: form.csrf, ...(apiKey ? { key: apiKey } : {}) });
    }
    const [cookie, csrf] = ((await session(caller, key === 'POST /console/sign-out')) ?? '').split(
      '\u0000',
    );
    const method = route.method.toLowerCase() as 'get' | 'post';
    const request = t.http[method](path);
    if (cookie) request.set('Cookie', cookie);
    if (route.method === 'GET')
      return key === 'GET /console/compare'
        ? request.query({ a: world.run.id, b: world.otherRun.id })
        : request;
    if (key === 'POST /console/upload')
      return request
        .set('X-CSRF-Token', csrf ?? 'none')
        .field('name', 'matrix')
        .field('tenant', world.tenant.slug)
        .attach('file', jsonlRows(), 'rows.jsonl');
    const fields: Record<string, string> =
      key === 'POST /console/plans/:id/baseline' ? { runId: world.run.id } : { note: 'matrix' };
    return request.type('form').send({ _csrf: csrf ?? 'none', ...fields });
  }

  async function send(route: AppRoute, caller: Caller | ResearcherCaller | ReviewerCaller) {
    let path = route.path;
    for (const [, name] of route.path.matchAll(/:([A-Za-z0-9_]+)/g)) {
      path = path.replace(`:${name}`, encodeURIComponent(await paramValue(route, name)));
    }
    const key = routeKey(route);
    if (route.path.startsWith('/console')) return sendConsole(route, caller, path);
    const write =
      route.method === 'GET' ? (reads[key] ?? ((request: Test) => request)) : writes[key];
    if (!write) throw new Error(`no request for ${key}: add one to writes`);
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const request = t.http[method](path);
    const apiKey = world.keys[caller];
    if (apiKey) request.set(bearer(apiKey));
    return write(request);
  }

  it('has an expected row for exactly the routes the app serves', () => {
    const served = routes.map(routeKey);
    assert.ok(served.length >= 30, `found ${served.length} routes`);
    assert.deepEqual(
      served.filter((key) => !(key in AUTHORIZATION_MATRIX)),
      [],
      'routes missing from AUTHORIZATION_MATRIX',
    );
    assert.deepEqual(
      Object.keys(AUTHORIZATION_MATRIX).filter((key) => !served.includes(key)),
      [],
      'rows for routes the app no longer serves',
    );
  });

  it('answers every route with the expected status for every caller', async (context) => {
    for (const route of routes) {
      const row: MatrixRow | undefined = AUTHORIZATION_MATRIX[routeKey(route)];
      if (!row) continue; // reported by the test above
      const expected: Expected = {
        ...row,
        ...researcherRow(routeKey(route), row),
        ...reviewerRow(routeKey(route), row),
      };
      await context.test(routeKey(route), async () => {
        const actual = {} as Expected;
        for (const caller of ALL_CALLERS) {
          const response = await send(route, caller);
          actual[caller] = response.status;
          if (response.status >= 400) {
            // The API answers problem+json; the console, pages a person reads.
            assert.match(
              String(response.headers['content-type']),
              route.path.startsWith('/console') ? /^text\/html/ : /^application\/problem\+json/,
            );
          }
        }
        assert.deepEqual(actual, expected);
      });
    }
  });
});
