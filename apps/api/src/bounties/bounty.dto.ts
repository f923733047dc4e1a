import { z } from 'zod';

/** POST /v1/bounties: a program on a model, with the slice to seal as its evaluation pool. */
export const createBountySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  modelId: z.uuid(),
  scenarioId: z.uuid(),
  /** Copied into a sealed pool at opening; researchers see only a public sample of it. */
  sliceId: z.uuid(),
  /** An item-level metric of the scenario (exact_match, wer, …). */
  metric: z.string().min(1).max(200),
  /** How much worse than the rest of the pool a subset must be, in the metric's units (0.05 = 5 points). */
  minEffect: z.number().min(0).max(1),
  /** The false discovery rate controlled across all the program's submissions (LORD++). */
  alpha: z.number().gt(0).lt(0.5).default(0.05),
  /** Submissions the program accepts in all; α is spread evenly over them. */
  budget: z.int().min(1).max(10_000).default(200),
  /** Submissions per researcher key per 24 hours. */
  dailyLimit: z.int().min(1).max(1000).default(5),
  publicSampleSize: z.int().min(0).max(100).default(20),
  /** Fewest sealed items in a subset (and in its complement) for it to be tested. */
  minSubsetItems: z.int().min(5).max(1_000_000).default(30),
  /** An accepted finding's effect is returned rounded to this step. */
  effectRounding: z.number().gt(0).max(0.5).default(0.05),
  seed: z
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(0),
});
export type CreateBountyBody = z.output<typeof createBountySchema>;

/** POST /v1/bounties/:id/submissions: a subset definition, optionally with the researcher's own items. */
export const submissionSchema = z.strictObject({
  predicate: z.string().min(1).max(1000),
  /** Slice rows (id, input, references, label, choices, attributes), as in a JSONL upload. */
  items: z.array(z.record(z.string(), z.json())).min(1).max(500).optional(),
});
export type SubmissionBody = z.output<typeof submissionSchema>;
