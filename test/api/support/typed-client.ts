/**
 * A small client written against the types openapi-typescript generates from /docs-json, as a
 * customer would write one. The OpenAPI spec compiles it with `tsc --strict` next to the generated
 * `lastmile-api.d.ts`: it compiles only if paths, parameters, bodies and answers are typed as the
 * API behaves (the @ts-expect-error lines fail if a type degrades to any or unknown).
 */
export const TYPED_CLIENT_SOURCE = `
import type { components, paths } from './lastmile-api';

type Schemas = components['schemas'];
type Problem = Schemas['Problem'];
type GetRun = paths['/v1/runs/{id}']['get'];
type Run = GetRun['responses'][200]['content']['application/json'];
type ListAlerts = paths['/v1/alerts']['get'];
type AlertQuery = NonNullable<ListAlerts['parameters']['query']>;
type CreatePlan = paths['/v1/plans']['post'];
type CreatePlanBody = CreatePlan['requestBody']['content']['application/json'];
type AlertNote = NonNullable<paths['/v1/alerts/{id}/ack']['post']['requestBody']>['content']['application/json'];
type SliceUpload = paths['/v1/tenants/{tenant}/slices']['post']['requestBody']['content']['multipart/form-data'];

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    const fields = (problem.errors ?? []).map((e) => e.field + ': ' + e.reason).join('; ');
    super(problem.status + ' ' + problem.title + ': ' + problem.detail + (fields ? ' (' + fields + ')' : ''));
  }
}

export class LastmileClient {
  constructor(private readonly baseUrl: string, private readonly key: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: { Authorization: 'Bearer ' + this.key, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new ProblemError((await response.json()) as Problem);
    return (await response.json()) as T;
  }

  getRun(path: GetRun['parameters']['path']): Promise<Run> {
    return this.call('GET', '/v1/runs/' + encodeURIComponent(path.id));
  }

  /** Every alert of a query, following nextCursor page by page. */
  async *alerts(query: AlertQuery = {}): AsyncGenerator<Schemas['Alert']> {
    let cursor: string | null | undefined = query.cursor;
    do {
      const search = new URLSearchParams();
      for (const [name, value] of Object.entries({ ...query, cursor })) {
        if (value !== undefined && value !== null) search.set(name, String(value));
      }
      const page: ListAlerts['responses'][200]['content']['application/json'] =
        await this.call('GET', '/v1/alerts?' + search.toString());
      yield* page.items;
      cursor = page.nextCursor;
    } while (cursor !== null);
  }

  createPlan(body: CreatePlanBody): Promise<CreatePlan['responses'][201]['content']['application/json']> {
    return this.call('POST', '/v1/plans', body);
  }

  acknowledge(id: string, body: AlertNote = {}): Promise<Schemas['AlertDetail']> {
    return this.call('POST', '/v1/alerts/' + encodeURIComponent(id) + '/ack', body);
  }
}

export async function example(client: LastmileClient): Promise<string[]> {
  const plan = await client.createPlan({
    name: 'nightly',
    modelId: '3f2c7a1e-8b4d-4c6a-9e21-5a7b9c0d1e2f',
    scenarioId: '7d9e1f20-3a4b-4c5d-8e6f-0a1b2c3d4e5f',
    cron: '0 2 * * *',
    channels: [{ kind: 'slack', secret: 'slack-url' }],
  });
  const run = await client.getRun({ id: plan.id });
  const finished: boolean = run.status === 'succeeded' || run.status === 'partial';
  const titles: string[] = [String(finished), run.finishedAt ?? 'running'];
  for await (const alert of client.alerts({ status: 'open', severity: 'critical', limit: 100 })) {
    titles.push(alert.severity + ': ' + alert.title + ' since ' + alert.openedAt);
    const acknowledged = await client.acknowledge(alert.id, { note: 'on it' });
    titles.push(...acknowledged.events.map((event) => event.event + ' ' + event.at));
  }
  return titles;
}

const upload: SliceUpload = { name: 'ward-7', file: 'rows.jsonl' };
const modelView: Schemas['ModelView'] = { id: 'x', name: 'm', version: '1', modality: 'text', createdAt: 'now' };
const health: Schemas['Health']['status'] = 'degraded';

// @ts-expect-error a run status the API never sends
const impossible: Run['status'] = 'exploded';
// @ts-expect-error a plan needs a model
const incomplete: CreatePlanBody = { name: 'x', scenarioId: '7d9e1f20-3a4b-4c5d-8e6f-0a1b2c3d4e5f' };
// @ts-expect-error alert severities are an enum
const severity: AlertQuery['severity'] = 'apocalyptic';
// @ts-expect-error nextCursor is a string or null, never a number
const cursor: Schemas['AlertPage']['nextCursor'] = 3;

export const checks = [upload, modelView, health, impossible, incomplete, severity, cursor];
`;
