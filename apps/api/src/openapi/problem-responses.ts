import { z } from 'zod';
import { toOpenApiSchema } from './zod-schema';

export const fieldProblemSchema = z
  .object({
    field: z.string().meta({
      description:
        'JSON path of the refused field: `cron`, `channels[0].secret`, `config.promptTemplate`, `rows[3].references` for a row of an upload; `(body)` for the body itself.',
    }),
    reason: z.string(),
  })
  .meta({ id: 'FieldProblem', description: 'One field that was refused, and why.' });

/** What ProblemDetailsFilter writes for every error (RFC 9457, application/problem+json). */
export const problemSchema = z
  .object({
    type: z.string().meta({
      description: 'Always `about:blank`: the status and title say what kind of problem it is.',
    }),
    title: z.string().meta({ description: "The status code's phrase, e.g. `Not Found`." }),
    status: z.int(),
    detail: z.string().meta({ description: 'What went wrong, for a person.' }),
    instance: z.string().meta({ description: 'The request path, without its query.' }),
    errors: z.array(fieldProblemSchema).optional().meta({
      description:
        'Present when specific fields were refused (400, 422), or the Accept header (406).',
    }),
  })
  .meta({
    id: 'Problem',
    description:
      'Every error response: RFC 9457 problem details. Branch on `status`; show `detail` to people; map `errors` onto form fields.',
  });

export const PROBLEM_STATUSES = [400, 401, 403, 404, 406, 409, 413, 415, 422, 429, 503] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export const DEFAULT_PROBLEM_DESCRIPTIONS: Record<ProblemStatus, string> = {
  400: 'The request is invalid: `errors` names each refused field and why.',
  401: 'No API key, or one that is not valid (unknown or revoked).',
  403: "The key's role may not do this.",
  404: "Not found, or not visible to this key (another tenant's resources answer 404, never 403).",
  406: 'The Accept header accepts none of the media types this operation answers in: `errors` names `accept`.',
  409: 'The request conflicts with the current state.',
  413: 'The request body is larger than the limit.',
  415: 'The request body has a media type this operation does not take.',
  422: 'The content was read but is not valid: `errors` names each refused line and field.',
  429: 'Too many requests: try again after `Retry-After` seconds.',
  503: 'The server cannot do this now.',
};

const PROBLEM_REF = toOpenApiSchema(problemSchema);

/** The response object of a problem status: the shared Problem schema as application/problem+json. */
export function problemResponse(status: ProblemStatus, description?: string) {
  return {
    description: description ?? DEFAULT_PROBLEM_DESCRIPTIONS[status],
    content: {
      'application/problem+json': { schema: PROBLEM_REF },
    },
    ...(status === 429
      ? {
          headers: {
            'Retry-After': {
              description: 'Seconds to wait before trying again.',
              schema: { type: 'integer', minimum: 0 },
            },
          },
        }
      : {}),
  };
}
