import type { Response } from 'supertest';
import { bearer, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { modelBody, planBody, scenarioBody, tenantBody } from './api-bodies';

/** Resources created through the real API (so every row also went through validation and audit). */
type Http = Pick<TestApp, 'http'>;
type Role = 'admin' | 'ml' | 'customer' | 'oncall' | 'reviewer';

export interface TenantView {
  id: string;
  slug: string;
  name: string;
}

export interface KeyView {
  id: string;
  key: string;
  prefix: string;
  role: Role;
  tenantId: string | null;
}

export interface ResourceView {
  id: string;
  name: string;
}

export interface PlanView extends ResourceView {
  modelId: string;
  scenarioId: string;
  tenantId: string | null;
}

export interface RunView {
  id: string;
  planId: string;
  tenantId: string | null;
  status: string;
}

/** The body of a response with the expected status; otherwise an error that shows what came back. */
export async function expectStatus<T>(pending: PromiseLike<Response>, status: number): Promise<T> {
  const response = await pending;
  if (response.status !== status) {
    throw new Error(`expected ${status}, got ${response.status}: ${response.text}`);
  }
  return response.body as T;
}

export function createTenant(
  t: Http,
  overrides: Record<string, unknown> = {},
): Promise<TenantView> {
  const request = t.http
    .post('/v1/tenants')
    .set(bearer(TEST_ADMIN_KEY))
    .send(tenantBody(overrides));
  return expectStatus(request, 201);
}

/** A key of `role`; customer keys need the tenant (id or slug) they are bound to, reviewer keys may have one. */
export function createKey(t: Http, role: Role, tenant?: string): Promise<KeyView> {
  const body = { role, name: `${role} key`, ...(tenant ? { tenant } : {}) };
  return expectStatus(t.http.post('/v1/keys').set(bearer(TEST_ADMIN_KEY)).send(body), 201);
}

export function registerModel(
  t: Http,
  overrides: Record<string, unknown> = {},
  key = TEST_ADMIN_KEY,
): Promise<ResourceView> {
  return expectStatus(t.http.post('/v1/models').set(bearer(key)).send(modelBody(overrides)), 201);
}

export function createScenario(
  t: Http,
  overrides: Record<string, unknown> = {},
  key = TEST_ADMIN_KEY,
): Promise<ResourceView> {
  const request = t.http.post('/v1/scenarios').set(bearer(key)).send(scenarioBody(overrides));
  return expectStatus(request, 201);
}

export function createPlan(
  t: Http,
  refs: { modelId: string; scenarioId: string },
  overrides: Record<string, unknown> = {},
  key = TEST_ADMIN_KEY,
): Promise<PlanView> {
  const body = planBody(refs.modelId, refs.scenarioId, overrides);
  return expectStatus(t.http.post('/v1/plans').set(bearer(key)).send(body), 201);
}

export function queueRun(t: Http, planId: string, key = TEST_ADMIN_KEY): Promise<RunView> {
  return expectStatus(t.http.post(`/v1/plans/${planId}/runs`).set(bearer(key)), 202);
}

/** A model and a qa scenario: what every plan needs. */
export async function createPlanReferences(
  t: Http,
): Promise<{ modelId: string; scenarioId: string }> {
  const [model, scenario] = await Promise.all([registerModel(t), createScenario(t)]);
  return { modelId: model.id, scenarioId: scenario.id };
}
