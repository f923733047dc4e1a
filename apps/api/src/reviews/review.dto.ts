import { z } from 'zod';

export const nextReviewQuerySchema = z.strictObject({
  /** Only tasks of this scenario's runs. */
  scenarioId: z.uuid().optional(),
  /** Only tasks of this plan's runs. */
  planId: z.uuid().optional(),
});
export type NextReviewQuery = z.output<typeof nextReviewQuerySchema>;

/**
 * A person's label: `score` (an integer on the judge's scale) for an answer the judge scores,
 * `verdict` (win, tie or loss against the reference) for one it compares, or either as `label`;
 * `note` optional. Which one a task takes is in GET /v1/reviews/next's `label`.
 */
export const reviewLabelSchema = z
  .strictObject({
    score: z.number().finite().optional(),
    verdict: z.string().optional(),
    /** Either of the two under one name: a number is a score, a string a verdict. */
    label: z.union([z.number().finite(), z.string()]).optional(),
    note: z.string().trim().min(1).max(2000).optional(),
  })
  .refine(
    (body) => body.label === undefined || (body.score === undefined && body.verdict === undefined),
    {
      path: ['label'],
      message: 'give label, or score / verdict, not both',
    },
  )
  .transform(({ label, ...body }) =>
    label === undefined
      ? body
      : typeof label === 'number'
        ? { ...body, score: label }
        : { ...body, verdict: label },
  );
export type ReviewLabelBody = z.output<typeof reviewLabelSchema>;

export const agreementQuerySchema = z.strictObject({
  scenarioId: z.uuid(),
  planId: z.uuid().optional(),
});
export type AgreementQuery = z.output<typeof agreementQuerySchema>;
