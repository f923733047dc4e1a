/**
 * Examples of the main request bodies, shown in /docs and in generated clients' docs. Each must
 * pass the schema that validates the body: test/api/openapi.e2e-spec.ts parses every one.
 */
const MODEL_ID = '3f2c7a1e-8b4d-4c6a-9e21-5a7b9c0d1e2f';
const SCENARIO_ID = '7d9e1f20-3a4b-4c5d-8e6f-0a1b2c3d4e5f';
const SLICE_ID = 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e';

export const EXAMPLES = {
  createTenant: {
    hospital: {
      summary: 'A customer',
      value: { slug: 'st-elsewhere', name: 'St. Elsewhere Hospital' },
    },
  },
  createKey: {
    customer: {
      summary: "A key for a customer's quality lead",
      value: { role: 'customer', tenant: 'st-elsewhere', name: 'quality lead' },
    },
    oncall: { summary: 'An on-call key', value: { role: 'oncall', name: 'pager rotation' } },
  },
  createModel: {
    chat: {
      summary: 'An OpenAI-compatible chat model',
      value: {
        name: 'triage-assistant',
        version: '2025-06-01',
        modality: 'text',
        adapter: {
          kind: 'openai-chat',
          baseUrl: 'https://api.openai.com/v1',
          model: 'gpt-4o-mini',
          apiKeyEnv: 'OPENAI_API_KEY',
          params: { temperature: 0 },
        },
      },
    },
  },
  createScenario: {
    qa: {
      summary: 'Question answering with the default prompt',
      value: { name: 'triage-qa', kind: 'qa', config: {} },
    },
  },
  createPlan: {
    hourly: {
      summary: "Hourly on a customer's slice, alerting a webhook",
      value: {
        name: 'triage on ward notes',
        modelId: MODEL_ID,
        scenarioId: SCENARIO_ID,
        sliceIds: [SLICE_ID],
        tenant: 'st-elsewhere',
        cron: '0 * * * *',
        timezone: 'Europe/Paris',
        sampleSize: 200,
        baselinePolicy: { kind: 'first_n', n: 3 },
        alertPolicy: { alpha: 0.05, minEffect: 0.02 },
        channels: [
          { kind: 'webhook', url: 'https://hooks.example.com/lastmile', secret: 'webhook-signing' },
        ],
      },
    },
  },
  updatePlan: {
    pause: { summary: 'Pause the schedule', value: { enabled: false } },
    reschedule: {
      summary: 'Run every night instead',
      value: { cron: '0 2 * * *', timezone: 'UTC' },
    },
  },
  pinBaseline: {
    pin: {
      summary: 'Pin a succeeded run',
      value: { runId: 'c0ffee00-1234-4abc-8def-0123456789ab' },
    },
  },
  alertNote: {
    note: {
      summary: 'With a note for the timeline',
      value: { note: 'Known: the ASR vendor rolled back at 09:12.' },
    },
    bare: { summary: 'Without a note', value: {} },
  },
  putSecret: {
    signing: { summary: 'A webhook signing secret', value: { value: 'whsec_4f1c2a9e7b' } },
  },
} as const;
