import { z } from 'zod';
import { jsonPathSchema, jsonTemplateSchema, urlTemplateSchema } from '../spec/http-spec.schema';
import {
  apiKeyHeaderSchema,
  envVarNameSchema,
  headersSchema,
  httpUrlSchema,
} from '../spec/headers.schema';
import { limitsSchema } from '../spec/limits.schema';

export const PERSPECTIVE_URL = 'https://commentanalyzer.googleapis.com/v1alpha1/comments:analyze';

export const perspectiveAttributes = [
  'TOXICITY',
  'SEVERE_TOXICITY',
  'IDENTITY_ATTACK',
  'INSULT',
  'PROFANITY',
  'THREAT',
  'SEXUALLY_EXPLICIT',
] as const;

/** Perspective API (or a compatible server): POST {url}?key=<value of apiKeyEnv>. */
const perspectiveSpecSchema = z.strictObject({
  style: z.literal('perspective'),
  /** Stable name recorded with scores; derived from the spec when absent. */
  id: z.string().min(1).optional(),
  url: httpUrlSchema.default(PERSPECTIVE_URL),
  apiKeyEnv: envVarNameSchema.optional(),
  languages: z.array(z.string().min(2)).min(1).default(['en']),
  /** TOXICITY is always requested; these are reported in `attributes` as well. */
  attributes: z.array(z.enum(perspectiveAttributes)).default(['TOXICITY']),
  limits: limitsSchema,
});

/** Any JSON classifier: a body template with `{{text}}` and paths to the scores. */
const jsonClassifierSpecSchema = z.strictObject({
  style: z.literal('json'),
  id: z.string().min(1).optional(),
  method: z.enum(['POST', 'PUT']).default('POST'),
  url: urlTemplateSchema(['text']),
  headers: headersSchema.optional(),
  apiKeyEnv: envVarNameSchema.optional(),
  /** Header carrying the raw key instead of `Authorization: Bearer <key>`. */
  apiKeyHeader: apiKeyHeaderSchema.optional(),
  body: jsonTemplateSchema(['text']).default({ text: '{{text}}' }),
  /** Where the toxicity probability in [0, 1] is, e.g. $.scores[0].score */
  scorePath: jsonPathSchema,
  /** Other attribute scores to report, by name. */
  attributePaths: z.record(z.string().min(1), jsonPathSchema).optional(),
  limits: limitsSchema,
});

export const toxicityScorerSpecSchema = z.discriminatedUnion('style', [
  perspectiveSpecSchema,
  jsonClassifierSpecSchema,
]);

export type ToxicityScorerSpec = z.output<typeof toxicityScorerSpecSchema>;
export type ToxicityScorerSpecInput = z.input<typeof toxicityScorerSpecSchema>;
export type PerspectiveSpec = z.output<typeof perspectiveSpecSchema>;
export type JsonClassifierSpec = z.output<typeof jsonClassifierSpecSchema>;
