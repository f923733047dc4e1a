import assert from 'node:assert/strict';
import { isFinishedRun } from '@lastmile/persistence';
import { jsonl } from '@lastmile/slices/testing';
import { modelBody, planBody, scenarioBody, tenantBody } from '../../factories/api-bodies';
import { waitFor } from '../../support/poll';
import { bearer, TEST_ADMIN_KEY, type TestApp } from '../../support/test-app';

const admin = bearer(TEST_ADMIN_KEY);

export interface MonitoredPlan {
  planId: string;
  modelId: string;
  /** Queues a run of the plan and waits until it has finished and been monitored. */
  run(): Promise<{
    id: string;
    status: string;
    monitoring: { status: string; incidents?: unknown[] };
  }>;
}

/** Model, scenario and plan through the API; runs through the real runner and queue. */
export async function createMonitoredPlan(
  t: TestApp,
  options: {
    baseUrl: string;
    scenario: Record<string, unknown>;
    plan?: Record<string, unknown>;
    limits?: Record<string, unknown>;
    /** The model's body (e.g. a command adapter) instead of the chat model at baseUrl. */
    model?: Record<string, unknown>;
  },
): Promise<MonitoredPlan> {
  const adapter = {
    kind: 'openai-chat',
    baseUrl: options.baseUrl,
    model: 'fixture',
    limits: { maxRetries: 0, timeoutMs: 5000, ...options.limits },
  };
  const model = await t.http
    .post('/v1/models')
    .set(admin)
    .send(modelBody(options.model ?? { adapter }))
    .expect(201);
  const scenario = await t.http
    .post('/v1/scenarios')
    .set(admin)
    .send(scenarioBody(options.scenario))
    .expect(201);
  const plan = await t.http
    .post('/v1/plans')
    .set(admin)
    .send(planBody(model.body.id, scenario.body.id, options.plan))
    .expect(201);
  const planId = plan.body.id as string;
  return {
    planId,
    modelId: model.body.id,
    async run() {
      const queued = await t.http.post(`/v1/plans/${planId}/runs`).set(admin).expect(202);
      const id = queued.body.id as string;
      const run = await waitFor(
        async () => {
          const { body } = await t.http.get(`/v1/runs/${id}`).set(admin);
          return isFinishedRun(body.status) ? body : undefined;
        },
        120_000,
        `run ${id} to finish`,
      );
      // The monitor runs after the run is stored as finished: wait for its verdict as a client would.
      const { body: monitoring } = await t.http
        .get(`/v1/runs/${id}/monitoring`)
        .query({ wait: 60 })
        .set(admin)
        .expect(200);
      assert.notEqual(monitoring.status, 'pending', `monitoring of run ${id} did not end`);
      // The run's job completes just after: the next run would otherwise race its monitor.
      await waitFor(
        async () => ((await runJobDone(t, id)) ? true : undefined),
        60_000,
        `monitoring of run ${id}`,
      );
      return { id, status: run.status, monitoring };
    },
  };
}

/** Whether the monitor is done with a run (it logs one of these lines last). */
async function runJobDone(t: TestApp, runId: string): Promise<boolean> {
  return t.logs.some(
    (line) =>
      line.includes(runId) && /"msg":"(run monitored|drift monitoring failed[^"]*)"/.test(line),
  );
}

export interface AlertRow {
  id: string;
  type: string;
  status: string;
  severity: string;
  metric: string;
  subgroup: string;
  seenCount: number;
  cleanRuns: number;
  dedupKey: string;
  evidence: Record<string, unknown>;
}

export interface FindingRow {
  incidentId: string;
  incidentType: string;
  incidentStatus: string;
  kind: string;
  metric: string;
  subgroup: string;
  severity: string;
  title: string;
  rank: number;
  test: string | null;
  evidence: Record<string, unknown>;
}

/** The latest findings of every incident of the plan (resolved ones included), worst first per incident. */
export async function planFindings(t: TestApp, planId: string): Promise<FindingRow[]> {
  const rows: FindingRow[] = [];
  for (const incident of await planAlerts(t, planId)) {
    const { body } = await t.http.get(`/v1/alerts/${incident.id}`).set(admin).expect(200);
    for (const finding of body.findings)
      rows.push({
        ...finding,
        incidentId: incident.id,
        incidentType: incident.type,
        incidentStatus: incident.status,
      });
  }
  return rows;
}

export async function planAlerts(t: TestApp, planId: string): Promise<AlertRow[]> {
  const { body } = await t.http
    .get('/v1/alerts')
    .query({ plan: planId, limit: 500 })
    .set(admin)
    .expect(200);
  return body.items;
}

/** A new tenant with one uploaded JSONL slice of these rows: its slug and the slice's id. */
export async function tenantWithSlice(
  t: TestApp,
  name: string,
  rows: readonly Record<string, unknown>[],
): Promise<{ tenant: string; sliceId: string }> {
  const tenant = (await t.http.post('/v1/tenants').set(admin).send(tenantBody()).expect(201)).body
    .slug as string;
  const slice = await t.http
    .post(`/v1/tenants/${tenant}/slices`)
    .set(admin)
    .field('name', name)
    .attach('file', jsonl(rows), `${name}.jsonl`)
    .expect(201);
  return { tenant, sliceId: slice.body.id as string };
}
