import { z } from 'zod';
import { timestamp, uuid } from './fields';

const baselinePolicy = z
  .object({
    kind: z.enum(['first_n', 'pinned', 'rolling']),
    n: z.int().optional().meta({ description: 'first_n: how many runs make the baseline.' }),
    runIds: z.array(uuid()).optional().meta({ description: 'pinned: the pinned run.' }),
    window: z.int().optional().meta({ description: 'rolling: how many recent runs.' }),
    compareAcrossVersions: z.boolean().optional(),
  })
  .meta({ id: 'BaselinePolicy', description: "What a plan's runs are compared with." });

const alertPolicy = z
  .object({
    alpha: z.number(),
    minEffect: z
      .number()
      .meta({ description: "Smallest change worth an alert, in the metric's units." }),
    severity: z.object({ warning: z.number(), critical: z.number() }),
    fairnessTolerance: z.number().optional(),
    autoResolveAfter: z.int(),
  })
  .meta({ id: 'AlertPolicy', description: 'When a change becomes an alert, and how severe.' });

const channel = z
  .object({
    kind: z.enum(['webhook', 'slack', 'pagerduty']),
    url: z.string().optional().meta({
      description:
        "A webhook's endpoint. Slack channels have none (the URL is their secret) and PagerDuty channels deliver to the operator's LASTMILE_PAGERDUTY_EVENTS_URL (a url stored before is ignored).",
    }),
    secret: z.string().optional().meta({ description: 'Name of the stored secret it uses.' }),
    secretEnv: z.string().optional().meta({
      description: 'Legacy: an environment variable name. Such channels are refused at delivery.',
    }),
  })
  .meta({ id: 'Channel', description: 'Where notifications go.' });

const watchedSubgroup = z
  .object({
    label: z
      .string()
      .meta({ description: '`watch:` and a hash of the predicate: the subgroup its metrics use.' }),
    predicate: z
      .string()
      .meta({ description: 'Canonical predicate over item attributes (docs/bounties.md).' }),
    source: z
      .object({ programId: uuid(), submissionId: uuid(), researcher: z.string() })
      .meta({ description: 'The bias-bounty finding it came from, and the researcher credited.' }),
    addedAt: timestamp(),
  })
  .meta({
    id: 'WatchedSubgroup',
    description:
      "A subset the plan's runs measure beyond its breakdown attributes: an accepted bias-bounty finding.",
  });

export const planSchema = z
  .object({
    id: uuid(),
    name: z.string(),
    modelId: uuid(),
    scenarioId: uuid(),
    sliceIds: z.array(uuid()).meta({ description: "Empty: the scenario's built-in data." }),
    tenantId: uuid().nullable().meta({ description: 'The owner tenant; null for ML-team plans.' }),
    cron: z.string().nullable(),
    timezone: z.string(),
    enabled: z.boolean(),
    sampleSize: z.int().nullable(),
    seed: z.int(),
    sample: z
      .union([
        z.literal('full'),
        z.object({
          perGroup: z.int(),
          by: z.string(),
          seed: z.int(),
          wholeUnits: z.boolean().optional(),
        }),
      ])
      .nullable()
      .meta({
        description:
          "A stratified sample of the scenario's built-in data ('full': every item); it takes precedence over the scenario config's sample. Null: the config's.",
      }),
    baselinePolicy,
    alertPolicy,
    channels: z.array(channel),
    cacheResponses: z.boolean(),
    watchedSubgroups: z.array(watchedSubgroup).meta({
      description: 'Added by accepted bias-bounty findings on the model; not set by hand.',
    }),
    createdAt: timestamp(),
    updatedAt: timestamp(),
    deletedAt: timestamp().nullable(),
  })
  .meta({ id: 'Plan', description: 'What runs, when, and what it is compared with.' });

export const pinnedBaselineSchema = z
  .object({
    planId: uuid(),
    runId: uuid(),
    baselines: z
      .int()
      .meta({ description: 'How many baselines (slice × subgroup × metric) were written.' }),
    baselinePolicy,
  })
  .meta({ id: 'PinnedBaseline', description: "The run pinned as the plan's baseline." });
