import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';

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

export const channelSchema = z.strictObject({
  kind: z.enum(['webhook', 'slack', 'pagerduty']),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  /** Name of the env var holding the webhook's HMAC secret or PagerDuty's routing key. */
  secretEnv: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name')
    .optional(),
});

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
    modelId: z.uuid(),
    baselinePolicy: baselinePolicySchema.unwrap(),
    alertPolicy: alertPolicySchema.unwrap(),
    channels: z.array(channelSchema).max(10),
    cacheResponses: z.boolean(),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'send at least one field to change');
export type UpdatePlanBody = z.output<typeof updatePlanSchema>;
