import { FINISHED_RUN_STATUSES } from '@lastmile/persistence';
import type request from 'supertest';
import { expectStatus } from '../../factories/api-resources';
import { modelBody, planBody, scenarioBody, tenantBody } from '../../factories/api-bodies';
import { waitFor } from '../../support/poll';
import { bearer, TEST_ADMIN_KEY } from '../../support/test-app';
import { qaJsonl } from './qa-items';

/** Every final status: the one definition, from the runs store. */
export const FINISHED: readonly string[] = FINISHED_RUN_STATUSES;

export interface RunBody {
  id: string;
  status: string;
  total: number;
  done: number;
  errors: number;
  errorSummary: { reason?: string; errorsByCode?: Record<string, number> } | null;
}

export interface MetricBody {
  slice: string;
  subgroup: string;
  name: string;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
}

export interface AlertBody {
  type: string;
  metric: string;
  status: string;
  severity: string;
  lastRunId: string;
}

export interface QaPlanOptions {
  /** Base URL of the (fixture) model, e.g. http://127.0.0.1:1234/v1 */
  modelUrl: string;
  items: number;
  /** The adapter's `limits` (timeout, retries, concurrency...). */
  limits?: Record<string, unknown>;
  padding?: number;
  plan?: Record<string, unknown>;
}

/** The admin's view of the API, for an in-process app (supertest) or a spawned `serve` process. */
export class LastmileClient {
  private readonly auth = bearer(TEST_ADMIN_KEY);

  constructor(readonly http: ReturnType<typeof request>) {}

  /** A tenant with an uploaded slice of `items` qa rows, a model, a qa scenario and a plan. */
  async qaPlan(
    options: QaPlanOptions,
  ): Promise<{ planId: string; sliceId: string; scenarioId: string }> {
    const tenant = await this.post<{ slug: string }>('/v1/tenants', tenantBody());
    const slice = await expectStatus<{ id: string; itemCount: number }>(
      this.http
        .post(`/v1/tenants/${tenant.slug}/slices`)
        .set(this.auth)
        .field('name', `reliability-${options.items}`)
        .attach('file', qaJsonl(options.items, { padding: options.padding }), 'rows.jsonl'),
      201,
    );
    const adapter = {
      kind: 'openai-chat',
      baseUrl: options.modelUrl,
      model: 'fixture',
      limits: options.limits,
    };
    const model = await this.post<{ id: string }>('/v1/models', modelBody({ adapter }));
    const scenario = await this.post<{ id: string }>('/v1/scenarios', scenarioBody({ kind: 'qa' }));
    const plan = await this.post<{ id: string }>(
      '/v1/plans',
      planBody(model.id, scenario.id, {
        tenant: tenant.slug,
        sliceIds: [slice.id],
        ...options.plan,
      }),
    );
    return { planId: plan.id, sliceId: slice.id, scenarioId: scenario.id };
  }

  async queueRun(planId: string): Promise<string> {
    const run = await expectStatus<{ id: string }>(
      this.http.post(`/v1/plans/${planId}/runs`).set(this.auth),
      202,
    );
    return run.id;
  }

  run(runId: string): Promise<RunBody> {
    return expectStatus(this.http.get(`/v1/runs/${runId}`).set(this.auth), 200);
  }

  metrics(runId: string): Promise<MetricBody[]> {
    return expectStatus(this.http.get(`/v1/runs/${runId}/metrics`).set(this.auth), 200);
  }

  cancel(runId: string): Promise<RunBody> {
    return expectStatus(this.http.post(`/v1/runs/${runId}/cancel`).set(this.auth), 202);
  }

  patchPlan(planId: string, body: Record<string, unknown>): Promise<unknown> {
    return expectStatus(this.http.patch(`/v1/plans/${planId}`).set(this.auth).send(body), 200);
  }

  listRuns(planId: string): Promise<RunBody[]> {
    return expectStatus(this.http.get(`/v1/runs?planId=${planId}&limit=500`).set(this.auth), 200);
  }

  /** Polls until the plan has an alert; listeners raise them just after a run's status is stored. */
  waitForAlerts(planId: string, timeoutMs: number): Promise<AlertBody[]> {
    return waitFor(
      async () => {
        const page = await expectStatus<{ items: AlertBody[] }>(
          this.http.get(`/v1/alerts?plan=${planId}`).set(this.auth),
          200,
        );
        return page.items.length ? page.items : undefined;
      },
      timeoutMs,
      `an alert for plan ${planId}`,
    );
  }

  /** Polls until the run has one of `statuses` (any final status by default). */
  waitForRun(
    runId: string,
    timeoutMs: number,
    statuses: readonly string[] = FINISHED,
  ): Promise<RunBody> {
    return waitFor(
      async () => {
        const run = await this.run(runId).catch(() => undefined);
        return run && statuses.includes(run.status) ? run : undefined;
      },
      timeoutMs,
      `run ${runId} to reach ${statuses.join('|')}`,
    );
  }

  private post<T>(path: string, body: Record<string, unknown>): Promise<T> {
    return expectStatus<T>(this.http.post(path).set(this.auth).send(body), 201);
  }
}
