import { z } from 'zod';
import { timestamp, uuid } from './fields';

export const nextReviewSchema = z
  .object({
    id: uuid().meta({ description: 'The review task: POST the label to /v1/reviews/{id}.' }),
    runId: uuid(),
    planId: uuid().nullable(),
    scenarioId: uuid(),
    itemId: z.string(),
    group: z.string().meta({
      description: "The group it was sampled in: 'topic=science', 'a=x&b=y', or 'all'.",
    }),
    attributes: z.record(z.string(), z.string()),
    reason: z
      .enum(['judge_and_people_disagree', 'judge_samples_disagree', 'second_opinion', 'sampled'])
      .meta({ description: 'Why this task now (the queue’s priority it was picked at).' }),
    labels: z.int().meta({ description: 'People who labelled it so far (not what they said).' }),
    question: z.string().nullable(),
    answer: z.string().nullable().meta({ description: "The model's answer to label." }),
    reference: z.string().nullable(),
    rubric: z.string().meta({ description: 'The rubric the judge was given: label by it.' }),
    label: z
      .union([
        z.object({
          kind: z.literal('score'),
          min: z.int(),
          max: z.int(),
          passScore: z.number(),
        }),
        z.object({ kind: z.literal('verdict'), values: z.array(z.string()) }),
      ])
      .meta({ description: 'What to send: an integer score on the scale, or a verdict.' }),
  })
  .meta({
    id: 'NextReview',
    description:
      "An answer to label, with the question, the reference and the judge's rubric; never the judge's verdict.",
  });

export const reviewLabelSchema = z
  .object({
    id: z.string().meta({ description: 'A 64-bit integer, as a string.' }),
    taskId: uuid(),
    reviewerKeyId: uuid(),
    label: z.string().meta({ description: 'pass or fail (from the score), or win, tie, loss.' }),
    score: z.number().nullable(),
    note: z.string().nullable(),
    createdAt: timestamp(),
  })
  .meta({ id: 'ReviewLabel', description: "A person's stored label of a review task." });

const alpha = z
  .object({
    level: z.enum(['nominal', 'interval']),
    value: z.number().nullable(),
    low: z.number().nullable(),
    high: z.number().nullable(),
    units: z.int().meta({ description: 'Tasks with at least two labels.' }),
    pairableValues: z.int(),
  })
  .meta({
    id: 'KrippendorffAlpha',
    description: "Krippendorff's α with a seeded percentile bootstrap interval over tasks.",
  });

const kappa = {
  kappa: z.number().nullable(),
  standardError: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  observed: z.number(),
  expected: z.number(),
  n: z.int(),
};

export const reviewAgreementSchema = z
  .object({
    scenarioId: uuid(),
    planId: uuid().nullable(),
    tasks: z.int(),
    labels: z.int(),
    reviewers: z.int(),
    people: z.object({
      scoreAlpha: alpha.nullable().meta({ description: 'On the scores (single mode), interval.' }),
      verdictAlpha: alpha,
      pairs: z.array(
        z.object({ reviewers: z.array(uuid()), ...kappa }).meta({
          description: "Cohen's κ on the verdicts of two reviewers who labelled the same tasks.",
        }),
      ),
    }),
    judges: z.array(
      z
        .object({
          judgeId: z.string(),
          mode: z.string(),
          rubric: z.string(),
          n: z.int(),
          agreements: z.int(),
          rate: z.number().nullable(),
          low: z.number().nullable(),
          high: z.number().nullable(),
          kappa: z.object(kappa).nullable(),
          withoutMajority: z.int(),
          groups: z.array(
            z.object({
              group: z.string(),
              n: z.int(),
              agreements: z.int(),
              rate: z.number().nullable(),
            }),
          ),
        })
        .meta({ description: "A judge against people's majority verdict (ties left out)." }),
    ),
  })
  .meta({
    id: 'ReviewAgreement',
    description: 'Agreement among people and between each judge and people, in the key’s scope.',
  });
