import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';
import { sampleSchema } from '@lastmile/scenarios';
import { secretNameSchema } from '../secrets/secret.dto';

const cronSchema = z.string().refine((value) => {
  try {
    CronExpressionParser.parse(value);
    return value.trim().split(/\s+/).length >= 5;
  } catch {
    return false;
  }
}, 'must be a cron expression such as "0 * * * *"');

const timezoneSchema = z.string().refine((value) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as "Europe/Paris"');

export const baselinePolicySchema = z
  .strictObject({
    kind: z.enum(['first_n', 'pinned', 'rolling']).default('first_n'),
    n: z.int().min(1).max(50).default(3),
    window: z.int().min(1).max(100).optional(),
    compareAcrossVersions: z.boolean().default(false),
  })
  .prefault({});

export const alertPolicySchema = z
  .strictObject({
    alpha: z.number().gt(0).lt(0.5).default(0.05),
    /** Smallest change worth an alert, in the metric's units (0.02 = 2 points of WER). */
    minEffect: z.number().min(0).default(0.02),
    severity: z
      .strictObject({
        warning: z.number().min(0).default(0.02),
        critical: z.number().min(0).default(0.1),
      })
      .prefault({}),
    fairnessTolerance: z.number().min(0).max(1).optional(),
    autoResolveAfter: z.int().min(1).max(100).default(2),
  })
  .prefault({});

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const SECRET_ENV_GONE =
  'secretEnv is no longer accepted (it let an API key read the server environment): store the secret with PUT /v1/tenants/{tenant}/secrets/{name} (or PUT /v1/secrets/{name} for a plan without a tenant) and name it in "secret"';

/** Channel kinds: every credential is a stored secret named here, never an environment variable. */
export const channelSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('webhook'),
    url: httpUrl,
    /** Stored secret whose value signs each body (X-Lastmile-Signature, HMAC-SHA256). */
    secret: secretNameSchema.optional(),
    secretEnv: z.never({ error: SECRET_ENV_GONE }).optional(),
  }),
  z.strictObject({
    kind: z.literal('slack'),
    /** Stored secret whose value is the incoming-webhook URL (the URL is itself the credential). */
    secret: secretNameSchema,
    url: z
      .never({
        error:
          'a Slack webhook URL is itself a secret: store it with PUT …/secrets/{name} and name it in "secret"',
      })
      .optional(),
    secretEnv: z.never({ error: SECRET_ENV_GONE }).optional(),
  }),
  z.strictObject({
    kind: z.literal('pagerduty'),
    /**
     * Always the operator's LASTMILE_PAGERDUTY_EVENTS_URL: the routing key goes nowhere else.
     * Accepted only when it names that URL (older clients send the default); not stored.
     */
    url: httpUrl.optional(),
    /** Stored secret whose value is the PagerDuty routing key. */
    secret: secretNameSchema,
    secretEnv: z.never({ error: SECRET_ENV_GONE }).optional(),
  }),
]);

const planFields = {
  name: z.string().trim().min(1).max(200),
  modelId: z.uuid(),
  scenarioId: z.uuid(),
  sliceIds: z.array(z.uuid()).max(100).default([]),
  /** Owner tenant: its slices may be used. Customer keys always own their plans. */
  tenant: z.string().min(1).optional(),
  cron: cronSchema.nullable().default(null),
  timezone: timezoneSchema.default('UTC'),
  enabled: z.boolean().default(true),
  sampleSize: z.int().min(1).max(1_000_000).nullable().default(null),
  seed: z
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(0),
  /**
   * A stratified sample of the scenario's built-in data (`{ perGroup, by, seed, wholeUnits }`)
   * or 'full'; it takes precedence over the scenario config's `sample`. Null: the config's.
   */
  sample: sampleSchema.nullable().default(null),
  baselinePolicy: baselinePolicySchema,
  alertPolicy: alertPolicySchema,
  channels: z.array(channelSchema).max(10).default([]),
  cacheResponses: z.boolean().default(false),
};

export const createPlanSchema = z.strictObject(planFields);
export type CreatePlanBody = z.output<typeof createPlanSchema>;

/**
 * PATCH: any subset of the mutable fields; model and scenario stay (a new plan compares versions).
 * No field here may have a default: zod fills defaults even under .partial(), so a PATCH of
 * `name` alone would silently reset the seed and both policies.
 */
export const updatePlanSchema = z
  .strictObject({
    name: planFields.name,
    sliceIds: z.array(z.uuid()).max(100),
    cron: cronSchema.nullable(),
    timezone: timezoneSchema,
    enabled: z.boolean(),
    sampleSize: z.int().min(1).max(1_000_000).nullable(),
    seed: z
      .int()
      .min(0)
      .max(2 ** 31 - 1),
    sample: sampleSchema.nullable(),
    modelId: z.uuid(),
    baselinePolicy: baselinePolicySchema.unwrap(),
    alertPolicy: alertPolicySchema.unwrap(),
    channels: z.array(channelSchema).max(10),
    cacheResponses: z.boolean(),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'send at least one field to change');
export type UpdatePlanBody = z.output<typeof updatePlanSchema>;
