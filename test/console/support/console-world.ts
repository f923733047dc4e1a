import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { isFinishedRun } from '@lastmile/persistence';
import { getScenarioKind } from '@lastmile/scenarios';
import { modelBody, planBody, scenarioBody } from '../../factories/api-bodies';
import {
  createKey,
  createTenant,
  expectStatus,
  type KeyView,
  type TenantView,
} from '../../factories/api-resources';
import { waitFor } from '../../support/poll';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../../support/test-app';

const qa = getScenarioKind('qa');
/** The qa kind's built-in questions, as a tenant's slice with a `topic` attribute (3 groups). */
// The 33 hand-written questions, named: the kind's default is every built-in set.
export const QUESTIONS = qa.builtinItems!(
  qa.configSchema.parse({ questions: 'general_knowledge' }),
);
export const TOPICS = ['geography', 'science', 'history'];

export const sliceJsonl = (count = QUESTIONS.length) =>
  Buffer.from(
    QUESTIONS.slice(0, count)
      .map((q, i) =>
        JSON.stringify({
          id: `q${String(i + 1).padStart(2, '0')}`,
          input: q.input,
          references: q.references,
          attributes: { topic: TOPICS[i % 3] },
        }),
      )
      .join('\n') + '\n',
  );

export interface ConsoleWorld {
  t: TestApp;
  model: ChatModelServer;
  ward: TenantView;
  other: TenantView;
  keys: { oncall: KeyView; ml: KeyView; customer: KeyView; otherCustomer: KeyView };
  sliceId: string;
  planId: string;
  otherPlanId: string;
  /** The baseline run (all right) and the run that drifted (twelve wrong answers). */
  runs: { baseline: string; drifted: string };
  incidentId: string;
  close(): Promise<void>;
}

/**
 * Two tenants. The ward uploads a 33-question slice; its plan runs once with every answer right
 * (the baseline) and once with the first twelve wrong: a drift incident with findings and worst
 * items, found by the real monitor. The other tenant has a plan of its own, run once.
 */
export async function buildConsoleWorld(): Promise<ConsoleWorld> {
  const t = await startTestApp({
    runner: true,
    env: {
      LASTMILE_RATE_LIMIT_PER_MINUTE: '100000',
      LASTMILE_RATE_LIMIT_PER_KEY_PER_MINUTE: '100000',
    },
  });
  let wrong = false;
  const model = await startChatModelServer({
    answer: (prompt) => {
      const index = QUESTIONS.findIndex((q) => prompt.includes(q.input!));
      if (index < 0 || (wrong && index < 12)) return 'I do not know';
      return QUESTIONS[index].references![0];
    },
  });
  const admin = bearer(TEST_ADMIN_KEY);
  const [ward, other] = [await createTenant(t), await createTenant(t)];
  const [oncall, ml, customer, otherCustomer] = await Promise.all([
    createKey(t, 'oncall'),
    createKey(t, 'ml'),
    createKey(t, 'customer', ward.slug),
    createKey(t, 'customer', other.slug),
  ]);
  const adapter = { kind: 'openai-chat', baseUrl: model.baseUrl, model: 'fixture' };
  const m = await expectStatus<{ id: string }>(
    t.http.post('/v1/models').set(admin).send(modelBody({ adapter })),
    201,
  );
  const s = await expectStatus<{ id: string }>(
    t.http
      .post('/v1/scenarios')
      .set(admin)
      .send(scenarioBody({ kind: 'qa', config: {} })),
    201,
  );
  const upload = (tenant: TenantView, key: string) =>
    expectStatus<{ id: string }>(
      t.http
        .post(`/v1/tenants/${tenant.slug}/slices`)
        .set(bearer(key))
        .field('name', 'ward-questions')
        .attach('file', sliceJsonl(), 'questions.jsonl'),
      201,
    );
  const slice = await upload(ward, customer.key);
  const otherSlice = await upload(other, otherCustomer.key);
  const plan = (tenant: TenantView, sliceId: string, name: string) =>
    expectStatus<{ id: string }>(
      t.http
        .post('/v1/plans')
        .set(admin)
        .send(
          planBody(m.id, s.id, {
            name,
            tenant: tenant.slug,
            sliceIds: [sliceId],
            baselinePolicy: { kind: 'first_n', n: 1 },
            alertPolicy: {
              alpha: 0.05,
              minEffect: 0.05,
              severity: { warning: 0.05, critical: 0.2 },
            },
          }),
        ),
      201,
    );
  const wardPlan = await plan(ward, slice.id, 'Ward 7 questions');
  const otherPlan = await plan(other, otherSlice.id, 'Other tenant questions');
  const run = async (planId: string) => {
    const queued = await expectStatus<{ id: string }>(
      t.http.post(`/v1/plans/${planId}/runs`).set(admin),
      202,
    );
    await waitFor(
      async () => {
        const { body } = await t.http.get(`/v1/runs/${queued.id}`).set(admin);
        return isFinishedRun(body.status) ? body : undefined;
      },
      120_000,
      `run ${queued.id}`,
    );
    const { body } = await t.http
      .get(`/v1/runs/${queued.id}/monitoring`)
      .query({ wait: 60 })
      .set(admin);
    return { id: queued.id, monitoring: body as { incidents?: { id: string; type: string }[] } };
  };
  const baseline = await run(wardPlan.id);
  await run(otherPlan.id);
  wrong = true;
  const drifted = await run(wardPlan.id);
  const incident = drifted.monitoring.incidents?.find((i) => i.type === 'drift');
  if (!incident) throw new Error(`no drift incident: ${JSON.stringify(drifted.monitoring)}`);
  // The monitor's transaction has committed; give the run's job a moment to complete.
  await new Promise((resolve) => setTimeout(resolve, 500));
  return {
    t,
    model,
    ward,
    other,
    keys: { oncall, ml, customer, otherCustomer },
    sliceId: slice.id,
    planId: wardPlan.id,
    otherPlanId: otherPlan.id,
    runs: { baseline: baseline.id, drifted: drifted.id },
    incidentId: incident.id,
    close: async () => {
      await t.close();
      await model.close();
    },
  };
}
