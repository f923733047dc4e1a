import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Response, Test } from 'supertest';
import { fixtureJudgeAnswer, startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { getScenarioKind } from '@lastmile/scenarios';
import {
  createKey,
  createTenant,
  expectStatus,
  type KeyView,
  type TenantView,
} from '../factories/api-resources';
import { bountyBody, uploadPoolSource } from '../factories/bounty-pool';
import {
  createMonitoredPlan,
  planAlerts,
  type MonitoredPlan,
} from '../monitoring/support/monitored-plan';
import {
  startNotificationReceiver,
  type NotificationReceiver,
} from '../monitoring/support/notification-receiver';
import { waitFor } from '../support/poll';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { responseSchema, schemaViolations } from './support/openapi-conformance';
import type { OpenApiDocument } from './support/openapi-rules';

const qa = getScenarioKind('qa');
// The 33 hand-written questions, named: the kind's default is every built-in set.
const QUESTIONS = qa.builtinItems!(qa.configSchema.parse({ questions: 'general_knowledge' }));
const admin = bearer(TEST_ADMIN_KEY);

const rows = [
  {
    id: 'q1',
    input: 'What is the capital of France?',
    references: ['Paris'],
    attributes: { accent: 'fr' },
  },
  { id: 'q2', input: 'What is 2 + 2?', references: ['4'], attributes: { accent: 'en' } },
];
const jsonl = (lines: unknown[]) =>
  Buffer.from(lines.map((line) => JSON.stringify(line)).join('\n'));

/**
 * Real answers against the documented schemas: every main resource is created and read through
 * the API (runs executed by the real runner, an alert raised by the real monitor and notified
 * to a real receiver), and each body is checked field by field against /docs-json — a field the
 * API sends but the document does not name fails too.
 */
describe('responses conform to the OpenAPI document', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  let model: ChatModelServer;
  let receiver: NotificationReceiver;
  let plan: MonitoredPlan;
  let wrong = false;
  let runIds: string[];
  let alertId: string;
  let tenant: TenantView;
  let customer: KeyView;

  before(async () => {
    t = await startTestApp({ runner: true });
    document = (await t.http.get('/docs-json').expect(200)).body as OpenApiDocument;
    model = await startChatModelServer({
      answer: (prompt) => {
        const index = QUESTIONS.findIndex((q) => prompt.includes(q.input!));
        if (index < 0 || (wrong && index < 15)) return 'I do not know';
        return QUESTIONS[index].references![0];
      },
    });
    receiver = await startNotificationReceiver();
    plan = await createMonitoredPlan(t, {
      baseUrl: model.baseUrl,
      scenario: { kind: 'qa', config: { questions: 'general_knowledge' } },
      plan: {
        baselinePolicy: { kind: 'first_n', n: 1 },
        channels: [{ kind: 'webhook', url: `${receiver.url}/hooks/lastmile` }],
      },
    });
    runIds = [(await plan.run()).id];
    wrong = true;
    runIds.push((await plan.run()).id);
    const alerts = await planAlerts(t, plan.planId);
    assert.ok(alerts.length > 0, 'the second run raised an alert');
    alertId = alerts[0].id;
    tenant = await createTenant(t);
    customer = await createKey(t, 'customer', tenant.slug);
  });
  after(async () => {
    await t.close();
    await model.close();
    await receiver.close();
  });

  /** Sends the request, expects the status, and lists where its body departs from the document. */
  async function check(
    route: string,
    status: number,
    request: Test | Promise<Response>,
  ): Promise<string[]> {
    const response = await request;
    const [method, template] = route.split(' ');
    if (response.status !== status)
      return [`${route}: answered ${response.status}, not ${status}: ${response.text}`];
    const schema = responseSchema(document, method.toLowerCase(), template, status);
    return schemaViolations(document, schema, response.body).map((v) => `${route} ${status} ${v}`);
  }

  it('answers runs, metrics, baselines and alerts as documented', async () => {
    const [, run] = runIds;
    await waitFor(
      async () => (receiver.requests.length > 0 ? true : undefined),
      30_000,
      'the alert notification',
    );
    const { http } = t;
    const violations = [
      ...(await check('GET /v1/runs', 200, http.get('/v1/runs').set(admin))),
      ...(await check('GET /v1/runs/{id}', 200, http.get(`/v1/runs/${run}`).set(admin))),
      ...(await check(
        'GET /v1/runs/{id}/metrics',
        200,
        http.get(`/v1/runs/${run}/metrics`).set(admin),
      )),
      ...(await check(
        'GET /v1/plans/{id}/baselines',
        200,
        http.get(`/v1/plans/${plan.planId}/baselines`).set(admin),
      )),
      ...(await check(
        'GET /v1/alerts',
        200,
        http.get('/v1/alerts').query({ limit: 1 }).set(admin),
      )),
      ...(await check('GET /v1/alerts/{id}', 200, http.get(`/v1/alerts/${alertId}`).set(admin))),
      ...(await check(
        'POST /v1/alerts/{id}/ack',
        200,
        http.post(`/v1/alerts/${alertId}/ack`).set(admin).send({ note: 'on it' }),
      )),
      ...(await check(
        'POST /v1/plans/{id}/baseline',
        201,
        http.post(`/v1/plans/${plan.planId}/baseline`).set(admin).send({ runId: runIds[0] }),
      )),
      ...(await check(
        'POST /v1/plans/{id}/runs',
        202,
        http.post(`/v1/plans/${plan.planId}/runs`).set(admin),
      )),
    ];
    assert.deepEqual(violations, []);
    const detail = await http.get(`/v1/alerts/${alertId}`).set(admin).expect(200);
    assert.ok(detail.body.events.length >= 2, 'opened and acknowledged events were checked');
    assert.ok(detail.body.notifications.length >= 1, 'a notification attempt was checked');
  });

  it('answers the catalog, tenants, keys, slices, secrets and health as documented', async () => {
    const { http } = t;
    const customerKey = bearer(customer.key);
    const upload = await http
      .post(`/v1/tenants/${tenant.slug}/slices`)
      .set(customerKey)
      .field('name', 'ward-7')
      .attach('file', jsonl(rows), 'rows.jsonl');
    const sliceId = upload.body.id as string;
    const plans = (await http.get('/v1/plans').set(admin).expect(200)).body as { id: string }[];
    const violations = [
      ...(await check('GET /health', 200, http.get('/health'))),
      ...(await check('GET /v1/tenants', 200, http.get('/v1/tenants').set(admin))),
      ...(await check(
        'GET /v1/tenants/{tenant}',
        200,
        http.get(`/v1/tenants/${tenant.slug}`).set(admin),
      )),
      ...(await check(
        'POST /v1/keys',
        201,
        http.post('/v1/keys').set(admin).send({ role: 'oncall', name: 'conformance' }),
      )),
      ...(await check('GET /v1/keys', 200, http.get('/v1/keys').set(admin))),
      ...(await check('GET /v1/models', 200, http.get('/v1/models').set(admin))),
      ...(await check('GET /v1/models', 200, http.get('/v1/models').set(customerKey))),
      ...(await check(
        'GET /v1/models/{id}',
        200,
        http.get(`/v1/models/${plan.modelId}`).set(customerKey),
      )),
      ...(await check('GET /v1/scenarios', 200, http.get('/v1/scenarios').set(admin))),
      ...(await check('GET /v1/scenarios', 200, http.get('/v1/scenarios').set(customerKey))),
      ...(await check('GET /v1/scenarios/kinds', 200, http.get('/v1/scenarios/kinds').set(admin))),
      ...(await check('GET /v1/plans', 200, http.get('/v1/plans').set(admin))),
      ...(await check(
        'PATCH /v1/plans/{id}',
        200,
        http.patch(`/v1/plans/${plans[0].id}`).set(admin).send({ enabled: false }),
      )),
      ...(await check(
        'POST /v1/tenants/{tenant}/slices',
        201,
        http
          .post(`/v1/tenants/${tenant.slug}/slices`)
          .set(customerKey)
          .field('name', 'ward-8')
          .attach('file', jsonl(rows), 'rows.jsonl'),
      )),
      ...(await check(
        'GET /v1/tenants/{tenant}/slices',
        200,
        http.get(`/v1/tenants/${tenant.slug}/slices`).set(customerKey),
      )),
      ...(await check(
        'GET /v1/tenants/{tenant}/slices/{id}/items',
        200,
        http.get(`/v1/tenants/${tenant.slug}/slices/${sliceId}/items`).set(customerKey),
      )),
      ...(await check(
        'PUT /v1/tenants/{tenant}/secrets/{name}',
        201,
        http
          .put(`/v1/tenants/${tenant.slug}/secrets/hook-signing`)
          .set(customerKey)
          .send({ value: 'whsec_1' }),
      )),
      ...(await check(
        'GET /v1/tenants/{tenant}/secrets',
        200,
        http.get(`/v1/tenants/${tenant.slug}/secrets`).set(customerKey),
      )),
    ];
    assert.deepEqual(violations, []);
  });

  it('answers refusals as documented problems, with the fields they name', async () => {
    const { http } = t;
    const violations = [
      ...(await check('GET /v1/runs/{id}', 401, http.get(`/v1/runs/${runIds[0]}`))),
      ...(await check(
        'POST /v1/models',
        403,
        http.post('/v1/models').set(bearer(customer.key)).send({}),
      )),
      ...(await check(
        'GET /v1/runs/{id}',
        404,
        http.get('/v1/runs/00000000-0000-4000-8000-000000000000').set(admin),
      )),
      ...(await check(
        'PATCH /v1/plans/{id}',
        400,
        http.patch(`/v1/plans/${plan.planId}`).set(admin).send({ cron: 'every hour' }),
      )),
      ...(await check(
        'POST /v1/tenants',
        409,
        http.post('/v1/tenants').set(admin).send({ slug: tenant.slug, name: 'again' }),
      )),
      ...(await check(
        'POST /v1/tenants/{tenant}/slices',
        422,
        http
          .post(`/v1/tenants/${tenant.slug}/slices`)
          .set(admin)
          .field('name', 'broken')
          .attach('file', Buffer.from('{"id": "q1"\nnot json\n'), 'rows.jsonl'),
      )),
      ...(await check(
        'GET /v1/alerts',
        400,
        http.get('/v1/alerts').query({ cursor: 'not-a-cursor' }).set(admin),
      )),
    ];
    assert.deepEqual(violations, []);
  });

  it('answers service cards and bias bounties as documented', async () => {
    const { http } = t;
    const customerKey = bearer(customer.key);
    const card = `/v1/models/${plan.modelId}/card`;
    const { scenarioId } = (await http.get(`/v1/plans/${plan.planId}`).set(admin).expect(200))
      .body as { scenarioId: string };
    const refs = {
      modelId: plan.modelId,
      scenarioId,
      sliceId: await uploadPoolSource(t, tenant.slug),
    };
    const program = await expectStatus<{ id: string }>(
      http.post('/v1/bounties').set(admin).send(bountyBody(refs)),
      201,
    );
    const researcher = await expectStatus<{ key: string }>(
      http
        .post('/v1/keys')
        .set(admin)
        .send({ role: 'researcher', program: program.id, name: 'Ada' }),
      201,
    );
    const researcherKey = bearer(researcher.key);
    const versionOf = async (key: Record<string, string>) =>
      `/v1/models/${plan.modelId}/cards/${(await http.get(card).set(key).expect(200)).body.cardId}`;
    const [version, customerVersion] = [await versionOf(admin), await versionOf(customerKey)];
    await waitFor(
      async () => {
        const { body } = await http.get(`/v1/bounties/${program.id}`).set(admin);
        return body.poolRun?.status === 'succeeded' ? true : undefined;
      },
      60_000,
      'the pool run',
    );
    const submissions = `/v1/bounties/${program.id}/submissions`;
    const submitted = await http
      .post(submissions)
      .set(researcherKey)
      .send({ predicate: 'accent = "en-029"' });
    // Items are validated as a JSONL upload; the problems name them as the body does.
    const refused = await http
      .post(submissions)
      .set(researcherKey)
      .send({
        predicate: 'accent = "en-gb"',
        items: [
          { id: 'mine-1', input: 'Fine?', references: ['yes'] },
          { id: 'mine-2', input: 'Fine?', references: 'yes' },
        ],
      });
    const violations = [
      ...(await check(
        'PATCH /v1/models/{id}',
        200,
        http
          .patch(`/v1/models/${plan.modelId}`)
          .set(admin)
          .send({ card: { intendedUse: 'Answering questions.', contact: null } }),
      )),
      ...(await check('GET /v1/models/{id}/card', 200, http.get(card).set(admin))),
      ...(await check(
        'GET /v1/models/{id}/card',
        200,
        http.get(card).query({ compareTo: plan.modelId }).set(admin),
      )),
      ...(await check('GET /v1/models/{id}/card', 200, http.get(card).set(customerKey))),
      ...(await check(
        'GET /v1/models/{id}/cards',
        200,
        http.get(`/v1/models/${plan.modelId}/cards`).set(admin),
      )),
      ...(await check('GET /v1/models/{id}/cards/{cardId}', 200, http.get(version).set(admin))),
      ...(await check(
        'GET /v1/models/{id}/cards/{cardId}',
        200,
        http.get(customerVersion).set(customerKey),
      )),
      ...(await check(
        'GET /v1/models/{id}/cards/{cardId}',
        404,
        http.get(customerVersion).set(admin),
      )),
      ...(await check(
        'GET /v1/models/{id}/cards/{cardId}',
        406,
        http.get(version).set(admin).set('Accept', 'image/png'),
      )),
      ...(await check(
        'GET /v1/models/{id}/card',
        406,
        http.get(card).set(admin).set('Accept', 'text/plain'),
      )),
      ...(await check('GET /v1/bounties', 200, http.get('/v1/bounties').set(admin))),
      ...(await check(
        'GET /v1/bounties/{id}',
        200,
        http.get(`/v1/bounties/${program.id}`).set(admin),
      )),
      ...(await check(
        'GET /v1/bounties/{id}',
        200,
        http.get(`/v1/bounties/${program.id}`).set(researcherKey),
      )),
      ...(await check('POST /v1/bounties/{id}/submissions', 201, Promise.resolve(submitted))),
      ...(await check('GET /v1/bounties/{id}/submissions', 200, http.get(submissions).set(admin))),
      ...(await check(
        'GET /v1/bounties/{id}/submissions',
        200,
        http.get(submissions).set(researcherKey),
      )),
      ...(await check(
        'GET /v1/bounties/{id}/submissions/{submissionId}',
        200,
        http.get(`${submissions}/${submitted.body.id}`).set(researcherKey),
      )),
      ...(await check(
        'GET /v1/bounties/{id}/submissions/{submissionId}',
        200,
        http.get(`${submissions}/${submitted.body.id}`).set(admin),
      )),
      ...(await check(
        'GET /v1/bounties/{id}/leaderboard',
        200,
        http.get(`/v1/bounties/${program.id}/leaderboard`).set(researcherKey),
      )),
      ...(await check('POST /v1/bounties/{id}/submissions', 422, Promise.resolve(refused))),
      ...(await check(
        'POST /v1/bounties/{id}/close',
        200,
        http.post(`/v1/bounties/${program.id}/close`).set(admin),
      )),
    ];
    assert.deepEqual(violations, []);
    assert.deepEqual(
      refused.body.errors.map((problem: { field: string }) => problem.field),
      ['items[1].references'],
    );
    const markdown = await http.get(card).set(admin).set('Accept', 'text/markdown').expect(200);
    assert.match(markdown.headers['content-type'], /^text\/markdown/);
    const html = await http.get(card).query({ format: 'html' }).set(admin).expect(200);
    assert.match(html.headers['content-type'], /^text\/html/);
    const stored = await http.get(version).set(admin).set('Accept', 'text/markdown').expect(200);
    assert.match(stored.headers['content-type'], /^text\/markdown/);
    const page = await http.get(version).query({ format: 'html' }).set(admin).expect(200);
    assert.match(page.headers['content-type'], /^text\/html/);
  });

  it('answers the review queue as documented', async () => {
    const { http } = t;
    const judge = await startChatModelServer({
      answer: fixtureJudgeAnswer({ behaviour: () => 'faithful', scoreOf: () => 2 }),
    });
    try {
      const judged = await createMonitoredPlan(t, {
        baseUrl: model.baseUrl,
        scenario: {
          kind: 'open_answer',
          config: {
            judge: {
              model: { kind: 'openai-chat', baseUrl: judge.baseUrl, model: 'judge' },
              samples: 1,
            },
          },
        },
      });
      const run = await judged.run();
      const { scenarioId } = (await http.get(`/v1/runs/${run.id}`).set(admin).expect(200)).body as {
        scenarioId: string;
      };
      const reviewer = bearer((await createKey(t, 'reviewer')).key);
      const next = await waitFor(
        async () => {
          const response = await http.get('/v1/reviews/next').query({ scenarioId }).set(reviewer);
          return response.status === 200 ? response : undefined;
        },
        30_000,
        'a review task',
      );
      const other = bearer((await createKey(t, 'reviewer', tenant.slug)).key);
      const violations = [
        ...(await check('GET /v1/reviews/next', 200, Promise.resolve(next))),
        ...(await check(
          'POST /v1/reviews/{id}',
          201,
          http.post(`/v1/reviews/${next.body.id}`).set(reviewer).send({ score: 2, note: 'wrong' }),
        )),
        ...(await check(
          'GET /v1/reviews/agreement',
          200,
          http.get('/v1/reviews/agreement').query({ scenarioId }).set(admin),
        )),
        ...(await check(
          'POST /v1/reviews/{id}',
          409,
          http.post(`/v1/reviews/${next.body.id}`).set(reviewer).send({ score: 3 }),
        )),
      ];
      assert.deepEqual(violations, []);
      // Another tenant's reviewer: nothing to label (204, no body), the task not found.
      await http.get('/v1/reviews/next').set(other).expect(204);
      await http.post(`/v1/reviews/${next.body.id}`).set(other).send({ score: 2 }).expect(404);
    } finally {
      await judge.close();
    }
  });
});
