import type { Request } from 'express';
import { z } from 'zod';
import { ProblemException } from '../common/problem.exception';

const note = z.string().trim().min(1).max(4000).nullable();

/** PATCH /v1/models/:id: the hand-written part of the model's service card (null clears a field). */
export const updateModelSchema = z.strictObject({
  card: z
    .strictObject({ intendedUse: note, outOfScope: note, contact: note })
    .partial()
    .refine(
      (card) => Object.keys(card).length > 0,
      'send at least one of intendedUse, outOfScope, contact',
    ),
});
export type UpdateModelBody = z.output<typeof updateModelSchema>;

export const CARD_FORMATS = ['json', 'md', 'html'] as const;
export type CardFormat = (typeof CARD_FORMATS)[number];

export const cardQuerySchema = z.strictObject({
  /** Another model (version) whose card this one is compared with. */
  compareTo: z.uuid().optional(),
  /** Overrides the Accept header (a browser's address bar cannot set one). */
  format: z.enum(CARD_FORMATS).optional(),
});
export type CardQuery = z.output<typeof cardQuerySchema>;

/** A stored version has no comparison: only the format. */
export const cardVersionQuerySchema = cardQuerySchema.pick({ format: true });
export type CardVersionQuery = z.output<typeof cardVersionQuerySchema>;

/** What each format is served as, in the order preferred when Accept allows several equally. */
const MEDIA_TYPES: Record<string, CardFormat> = {
  'application/json': 'json',
  'text/markdown': 'md',
  'text/html': 'html',
};

/**
 * `?format` wins (a browser's address bar cannot set Accept); else the Accept header with its
 * q-values, read by Express (`req.accepts`): JSON when any type will do or there is no header,
 * 406 when it accepts none of the three.
 */
export function cardFormat(
  request: Pick<Request, 'accepts' | 'headers'>,
  format?: CardFormat,
): CardFormat {
  if (format) return format;
  const chosen = request.accepts(Object.keys(MEDIA_TYPES));
  if (chosen) return MEDIA_TYPES[chosen];
  const offered = Object.keys(MEDIA_TYPES).join(', ');
  throw new ProblemException(
    406,
    'Not Acceptable',
    `A card is served as ${offered}: send one of them in Accept, or ?format=json, md or html.`,
    [
      {
        field: 'accept',
        reason: `${JSON.stringify(request.headers.accept?.slice(0, 200))} accepts none of ${offered}`,
      },
    ],
  );
}
