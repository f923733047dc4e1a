/**
 * Examples of the main request bodies, shown in /docs and in generated clients' docs. Each must
 * pass the schema that validates the body: test/api/openapi.e2e-spec.ts parses every one.
 */
const MODEL_ID = '3f2c7a1e-8b4d-4c6a-9e21-5a7b9c0d1e2f';
const SCENARIO_ID = '7d9e1f20-3a4b-4c5d-8e6f-0a1b2c3d4e5f';
const SLICE_ID = 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e';
const PROGRAM_ID = 'e5f6a7b8-c9d0-4e1f-9a2b-3c4d5e6f7a8b';

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
    researcher: {
      summary: 'A bias-bounty researcher, credited by name',
      value: { role: 'researcher', program: PROGRAM_ID, name: 'Ada Lovelace' },
    },
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
    qaJudged: {
      summary: 'Question answering also scored by a model judge (optional on text kinds)',
      value: {
        name: 'triage-qa-judged',
        kind: 'qa',
        config: {
          judge: {
            model: {
              kind: 'openai-chat',
              baseUrl: 'https://judge.example.com/v1',
              model: 'judge-model',
              apiKeyEnv: 'LASTMILE_MODEL_KEY_JUDGE',
            },
            rubric: 'Rate whether the answer is correct and states nothing unsupported.',
            passScore: 4,
            samples: 3,
          },
        },
      },
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
    sampled: {
      summary: "Nightly on a fixed stratified sample of the scenario's built-in data",
      value: {
        name: 'bbq nightly, 50 per category',
        modelId: MODEL_ID,
        scenarioId: SCENARIO_ID,
        cron: '0 2 * * *',
        sample: { perGroup: 50, by: 'category', seed: 7 },
        alertPolicy: { alpha: 0.05, minEffect: 0.02, fairnessTolerance: 0.1 },
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
  updateModel: {
    notes: {
      summary: "Write the card's intended use",
      value: {
        card: {
          intendedUse: 'Triage of incoming patient messages for the nursing desk.',
          outOfScope: 'Diagnosis; messages in languages other than English and French.',
          contact: 'ml-team@example.com',
        },
      },
    },
    clear: { summary: 'Clear the contact, keep the rest', value: { card: { contact: null } } },
  },
  createBounty: {
    accents: {
      summary: 'A program on exact match, the defaults otherwise',
      value: {
        name: 'accents in the ward',
        modelId: MODEL_ID,
        scenarioId: SCENARIO_ID,
        sliceId: SLICE_ID,
        metric: 'exact_match',
        minEffect: 0.05,
      },
    },
    tight: {
      summary: 'Every setting given',
      value: {
        name: 'noisy rooms',
        modelId: MODEL_ID,
        scenarioId: SCENARIO_ID,
        sliceId: SLICE_ID,
        metric: 'exact_match',
        minEffect: 0.1,
        alpha: 0.05,
        budget: 100,
        dailyLimit: 3,
        publicSampleSize: 20,
        minSubsetItems: 30,
        effectRounding: 0.05,
        seed: 7,
      },
    },
  },
  bountySubmission: {
    predicate: {
      summary: 'A subset of the sealed pool',
      value: { predicate: 'accent = "en-029" AND noise != none' },
    },
    withItems: {
      summary: "With the researcher's own items (stored, not used in the test)",
      value: {
        predicate: 'accent IN ("en-029", "en-IN")',
        items: [
          {
            id: 'mine-1',
            input: 'What is the capital of Jamaica?',
            references: ['Kingston'],
            attributes: { accent: 'en-029' },
          },
        ],
      },
    },
  },
  reviewLabel: {
    score: { summary: 'A score on the judge’s scale', value: { score: 4 } },
    verdict: {
      summary: 'A pairwise verdict, with a note',
      value: { verdict: 'tie', note: 'Both miss the second half of the question.' },
    },
  },
  putSecret: {
    signing: { summary: 'A webhook signing secret', value: { value: 'whsec_4f1c2a9e7b' } },
  },
} as const;
