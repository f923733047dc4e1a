import { z } from 'zod';

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

/** JSON unless the Accept header (or ?format) asks for Markdown or HTML. */
export function cardFormat(accept: string | undefined, format?: CardFormat): CardFormat {
  if (format) return format;
  const wanted = (accept ?? '').toLowerCase();
  if (wanted.includes('text/markdown')) return 'md';
  if (wanted.includes('text/html')) return 'html';
  return 'json';
}
