import fc from 'fast-check';

// Plausible values per field: enough of them valid to get past the schema and reach the
// services, the database and the queue, where the interesting failures are.

const smallInt = fc.integer({ min: -2, max: 200 });
const anyInt = fc.oneof(
  smallInt,
  fc.constantFrom(0, 2 ** 31 - 1, 2 ** 31, 1_000_001, Number.MAX_SAFE_INTEGER),
);
const ratio = fc.oneof(
  fc.double({ min: -0.5, max: 1.5, noNaN: true }),
  fc.constantFrom(0, 0.05, 0.5, 1),
);
const name = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }));

export const modelFields: Record<string, fc.Arbitrary<unknown>> = {
  name,
  version: name,
  modality: fc.constantFrom('text', 'speech', 'video'),
  defaultParams: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })),
  'adapter.kind': fc.constantFrom(
    'openai-chat',
    'openai-completions',
    'openai-transcription',
    'http',
    'command',
  ),
  'adapter.baseUrl': fc.constantFrom(
    'http://127.0.0.1:9/v1',
    'https://api.example.com/v1',
    'http://[::1]:9/v1',
    'http://{{input}}.example.com/v1',
    'ftp://example.com',
    'http://exa mple.com',
  ),
  'adapter.url': fc.constantFrom(
    'http://127.0.0.1:9/generate?q={{input}}',
    'http://{{input}}/x',
    'https://h/x',
  ),
  'adapter.model': name,
  'adapter.apiKeyEnv': fc.constantFrom('OPENAI_API_KEY', 'sk-live-123', '1ABC', ''),
  'adapter.headers': fc.oneof(
    fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 8 })),
    fc.constantFrom({ Authorization: 'Bearer x' }, { 'X-Tenant': 'a\r\nb' }, { 'X-Ok': 'yes' }),
  ),
  'adapter.params.temperature': ratio,
  'adapter.params.stop': fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 20 })),
  'adapter.limits.timeoutMs': anyInt,
  'adapter.limits.maxRetries': anyInt,
  'adapter.limits.concurrency': anyInt,
  'adapter.limits.requestsPerSecond': ratio,
  'adapter.body': fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom({ prompt: '{{input}}' }, { p: '{{secret}}' }),
  ),
  'adapter.responsePath': fc.constantFrom(
    '$.choices[0].text',
    'data.output',
    '$$',
    '',
    '$.a[',
    'a..b',
  ),
  'adapter.argv': fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
};

export const scenarioFields: Record<string, fc.Arbitrary<unknown>> = {
  name,
  kind: fc.constantFrom('qa', 'multiple_choice', 'toxicity', 'asr', 'domain', 'astrology', ''),
  config: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })),
  'config.promptTemplate': fc.constantFrom(
    'Q: {question}\nA:',
    'Q: {qestion}',
    '',
    '{question}{question}',
    '{{question}}',
  ),
  'config.systemPrompt': name,
  'config.answerExtraction': fc.constantFrom('first_line', 'full', 'regex', ''),
  'config.params.temperature': ratio,
  'config.params.max_tokens': anyInt,
  'config.breakdownBy': fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
};

const cron = fc.constantFrom(
  '0 * * * *',
  '*/5 * * * *',
  '@daily',
  '0 0 * * 1-5',
  '0 0 L * *',
  '0 0 * * 5L',
  '0 0 1W * *',
  '0 0 * * 1#2',
  '0 0 0 * * *',
  '0 0 30 2 *',
  '61 * * * *',
  '*/0 * * * *',
  'H * * * *',
  '0 0 ? * *',
  '0 0 * * 7',
  'every day',
  null,
);
const timezone = fc.constantFrom(
  'UTC',
  'Europe/Paris',
  'Etc/GMT+5',
  'utc',
  'EST',
  'US/Pacific',
  'Asia/Kathmandu',
  'Mars/Olympus',
);

/** Plan fields a PATCH may send; `ids` are real model ids and slice ids to pick from. */
export function patchPlanFields(ids: {
  models: string[];
  slices: string[];
}): Record<string, fc.Arbitrary<unknown>> {
  const uuid = fc.oneof(
    fc.constantFrom(...ids.models, ...ids.slices),
    fc.uuid(),
    fc.constantFrom('not-a-uuid'),
  );
  return {
    name,
    modelId: uuid,
    sliceIds: fc.array(uuid, { maxLength: 3 }),
    cron,
    timezone,
    enabled: fc.boolean(),
    sampleSize: fc.oneof(anyInt, fc.constant(null)),
    seed: anyInt,
    cacheResponses: fc.boolean(),
    'baselinePolicy.kind': fc.constantFrom('first_n', 'pinned', 'rolling', 'last'),
    'baselinePolicy.n': anyInt,
    'baselinePolicy.window': anyInt,
    'alertPolicy.alpha': ratio,
    'alertPolicy.minEffect': ratio,
    'alertPolicy.severity.critical': ratio,
    'alertPolicy.fairnessTolerance': ratio,
    'alertPolicy.autoResolveAfter': anyInt,
    channels: fc.array(
      fc.record({
        kind: fc.constantFrom('webhook', 'slack', 'pagerduty', 'email'),
        url: fc.constantFrom('https://hooks.example.com/x', 'ftp://x', 'not a url'),
        secret: fc.constantFrom('webhook-secret', 'Not A Name', ''),
        secretEnv: fc.constantFrom('LASTMILE_ADMIN_KEY', 'DATABASE_URL'),
      }),
      { maxLength: 2 },
    ),
  };
}

/** POST /v1/plans fields: the PATCH ones plus the references fixed at creation. */
export function createPlanFields(ids: {
  models: string[];
  scenarios: string[];
  slices: string[];
  tenants: string[];
}): Record<string, fc.Arbitrary<unknown>> {
  return {
    ...patchPlanFields(ids),
    scenarioId: fc.oneof(fc.constantFrom(...ids.scenarios), fc.uuid()),
    tenant: fc.constantFrom(...ids.tenants, 'no-such-tenant'),
  };
}
