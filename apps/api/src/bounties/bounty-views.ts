import type { BountyProgram, BountySubmission, PublicItemRow, Slice } from '@lastmile/persistence';

/** What a researcher sees of a program: its rules, the pool's vocabulary and a public sample. */
export function researcherProgramView(
  program: BountyProgram,
  context: {
    model: { name: string; version: string };
    direction: string;
    pool: Slice;
    submissions: number;
    publicSample: PublicItemRow[];
  },
) {
  return {
    id: program.id,
    name: program.name,
    status: program.status,
    model: context.model,
    metric: program.metric,
    direction: context.direction,
    minEffect: program.minEffect,
    alpha: program.alpha,
    budget: program.budget,
    submissions: context.submissions,
    dailyLimit: program.dailyLimit,
    minSubsetItems: program.minSubsetItems,
    effectRounding: program.effectRounding,
    pool: {
      items: context.pool.itemCount - program.publicItemKeys.length,
      attributes: context.pool.attributes,
    },
    publicSample: context.publicSample.map((item) => ({
      id: item.itemKey,
      input: item.input,
      references: item.references,
      label: item.label,
      attributes: item.attributes,
    })),
  };
}

/**
 * What a researcher learns from a submission: pass or fail and, when it passes, the effect
 * rounded — never the p-value, the interval, the subset's size or the level it was held to
 * (docs/bounties.md, "What a submitter learns").
 */
export function researcherSubmissionView(submission: BountySubmission) {
  return {
    id: submission.id,
    programId: submission.programId,
    predicate: submission.predicate,
    status: submission.status,
    roundedEffect: submission.status === 'accepted' ? submission.roundedEffect : null,
    reason: submission.status === 'untestable' ? submission.reason : null,
    itemsSliceId: submission.itemsSliceId,
    submittedAt: submission.createdAt,
    decidedAt: submission.decidedAt,
  };
}

/** The program owner's view: everything the verification recorded. */
export function ownerSubmissionView(submission: BountySubmission) {
  return { ...submission };
}
