/** Request bodies for the API, valid by default; override what a test is about. */
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

export function modelBody(overrides: Record<string, unknown> = {}) {
  return {
    name: unique('model'),
    version: '1.0.0',
    modality: 'text',
    adapter: { kind: 'openai-chat', baseUrl: 'http://127.0.0.1:9/v1', model: 'demo' },
    ...overrides,
  };
}

/**
 * A scenario; by default qa on its 33 hand-written questions, named so (the kind's default is
 * every built-in set, 353 questions).
 */
export function scenarioBody(overrides: Record<string, unknown> = {}) {
  const config = (overrides.kind ?? 'qa') === 'qa' ? { questions: 'general_knowledge' } : {};
  return { name: unique('scenario'), kind: 'qa', config, ...overrides };
}

export function tenantBody(overrides: Record<string, unknown> = {}) {
  const slug = unique('tenant').toLowerCase();
  return { slug, name: `Tenant ${slug}`, ...overrides };
}

export function planBody(
  modelId: string,
  scenarioId: string,
  overrides: Record<string, unknown> = {},
) {
  return { name: unique('plan'), modelId, scenarioId, ...overrides };
}
