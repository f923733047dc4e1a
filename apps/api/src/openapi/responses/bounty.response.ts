import { z } from 'zod';
import { timestamp, uuid } from './fields';

// Bias bounties (docs/bounties.md): the owners' views (admin, ml) hold everything; a researcher's
// views (apps/api/src/bounties/bounty-views.ts) hold only what it may learn.

const programStatus = z.enum(['open', 'closed']);
const submissionStatus = z
  .enum(['pending', 'accepted', 'rejected', 'untestable'])
  .meta({ id: 'BountySubmissionStatus' });

export const bountyProgramSchema = z
  .object({
    id: uuid(),
    name: z.string(),
    modelId: uuid(),
    scenarioId: uuid(),
    sourceSliceId: uuid()
      .nullable()
      .meta({ description: 'The slice the pool was copied from (provenance only).' }),
    poolSliceId: uuid().meta({ description: 'The sealed copy submissions are tested on.' }),
    planId: uuid().meta({ description: "The program's own plan: runs the model on the pool." }),
    metric: z.string(),
    minEffect: z.number(),
    alpha: z.number().meta({ description: 'The false discovery rate LORD++ controls.' }),
    w0: z.number().meta({ description: 'LORD++ initial wealth (alpha / 2).' }),
    budget: z.int(),
    dailyLimit: z.int(),
    minSubsetItems: z.int(),
    effectRounding: z.number(),
    publicItemKeys: z
      .array(z.string())
      .meta({ description: 'Items shown to researchers; never part of the sealed test.' }),
    status: programStatus,
    createdByKeyId: uuid().nullable(),
    createdAt: timestamp(),
  })
  .meta({ id: 'BountyProgram', description: 'A bias-bounty program (admin and ml keys).' });

export const bountyProgramDetailSchema = bountyProgramSchema
  .extend({
    poolRun: z
      .object({ id: uuid(), status: z.string(), finishedAt: timestamp().nullable() })
      .nullable()
      .meta({ description: "The latest run of the program's plan: submissions are tested on it." }),
    testing: z
      .object({
        submissions: z.int(),
        tested: z.int().meta({ description: 'Submissions tested so far (LORD++ numbers).' }),
        accepted: z.int(),
        nextLevel: z.number().meta({ description: 'The level the next test will be held to.' }),
      })
      .meta({ description: 'Where the online FDR procedure stands.' }),
  })
  .meta({
    id: 'BountyProgramDetail',
    description: "A program with its pool run and its testing state (the owners' view).",
  });

export const researcherBountyProgramSchema = z
  .object({
    id: uuid(),
    name: z.string(),
    status: programStatus,
    model: z.object({ name: z.string(), version: z.string() }),
    metric: z.string(),
    direction: z
      .string()
      .meta({ description: '`higher_is_better` or `lower_is_better` (`unknown` if unreadable).' }),
    minEffect: z.number(),
    alpha: z.number(),
    budget: z.int(),
    submissions: z.int().meta({ description: 'Submissions the program has received in all.' }),
    dailyLimit: z.int(),
    minSubsetItems: z.int(),
    effectRounding: z.number(),
    pool: z
      .object({
        items: z.int().meta({ description: 'Sealed items (the public sample left out).' }),
        attributes: z
          .record(z.string(), z.array(z.string()))
          .meta({ description: 'The vocabulary predicates may use: attribute → values.' }),
      })
      .meta({ description: "The sealed pool's size and vocabulary, never its items." }),
    publicSample: z.array(
      z.object({
        id: z.string(),
        input: z.string().nullable(),
        references: z.array(z.string()).nullable(),
        label: z.string().nullable(),
        attributes: z.record(z.string(), z.string()),
      }),
    ),
  })
  .meta({
    id: 'ResearcherBountyProgram',
    description:
      "What a researcher sees of its program: the rules, the pool's vocabulary and a public sample.",
  });

export const bountyProgramViewSchema = z
  .union([bountyProgramDetailSchema, researcherBountyProgramSchema])
  .meta({
    id: 'BountyProgramView',
    description: 'A BountyProgramDetail, or a ResearcherBountyProgram for researcher keys.',
  });

export const bountySubmissionSchema = z
  .object({
    id: uuid(),
    programId: uuid(),
    researcherKeyId: uuid().nullable(),
    predicate: z.string().meta({ description: 'Canonical form: what is tested and shown.' }),
    source: z.string().meta({ description: 'The predicate as the researcher wrote it.' }),
    status: submissionStatus,
    reason: z.string().nullable(),
    testIndex: z
      .int()
      .nullable()
      .meta({ description: 'Its number in the LORD++ sequence (null: not tested).' }),
    level: z.number().nullable().meta({ description: 'The level it was held to.' }),
    pValue: z.number().nullable(),
    delta: z.number().nullable(),
    ciLow: z.number().nullable(),
    ciHigh: z.number().nullable(),
    shortfall: z.number().nullable(),
    nSubset: z.int().nullable(),
    nComplement: z.int().nullable(),
    roundedEffect: z.number().nullable(),
    runId: uuid().nullable().meta({ description: 'The pool run it was tested on.' }),
    itemsSliceId: uuid().nullable(),
    watchLabel: z.string().nullable(),
    createdAt: timestamp(),
    decidedAt: timestamp().nullable(),
  })
  .meta({
    id: 'BountySubmission',
    description: 'A submission with everything its verification recorded (admin and ml keys).',
  });

export const researcherBountySubmissionSchema = z
  .object({
    id: uuid(),
    programId: uuid(),
    predicate: z.string().meta({ description: 'Canonical form.' }),
    status: submissionStatus,
    roundedEffect: z
      .number()
      .nullable()
      .meta({ description: 'Accepted: the shortfall, rounded to the program’s effectRounding.' }),
    reason: z.string().nullable().meta({ description: 'Untestable: why.' }),
    itemsSliceId: uuid().nullable(),
    submittedAt: timestamp(),
    decidedAt: timestamp().nullable(),
  })
  .meta({
    id: 'ResearcherBountySubmission',
    description:
      'What a researcher learns of its submission: pass or fail and a rounded effect, never a p-value, interval or size.',
  });

export const bountySubmissionViewSchema = z
  .union([bountySubmissionSchema, researcherBountySubmissionSchema])
  .meta({
    id: 'BountySubmissionView',
    description: 'A BountySubmission, or a ResearcherBountySubmission for researcher keys.',
  });

export const leaderboardEntrySchema = z
  .object({
    rank: z.int(),
    submissionId: uuid(),
    predicate: z.string(),
    roundedEffect: z.number().nullable(),
    watchLabel: z
      .string()
      .nullable()
      .meta({ description: 'The subgroup label plans of the model now watch.' }),
    researcher: z.string().meta({ description: "The researcher key's name (the credit)." }),
    acceptedAt: timestamp(),
  })
  .meta({
    id: 'BountyLeaderboardEntry',
    description: 'An accepted finding, credited; largest rounded effect first.',
  });
