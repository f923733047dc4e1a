import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

export type BountyProgramStatus = 'open' | 'closed';

/**
 * A bias bounty: a model, a sealed evaluation pool (a copy of a slice that only the program's
 * plan reads), the metric and minimum effect a finding must show, and the online FDR settings
 * that decide every submission in turn (docs/bounties.md).
 */
@Entity('bounty_programs')
export class BountyProgram {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  @ForeignKey('Model', { name: 'fk_bounty_programs_model_id', onDelete: 'RESTRICT' })
  @Column({ name: 'model_id', type: 'uuid' })
  modelId: string;
  @ForeignKey('Scenario', { name: 'fk_bounty_programs_scenario_id', onDelete: 'RESTRICT' })
  @Column({ name: 'scenario_id', type: 'uuid' })
  scenarioId: string;
  /** The slice the pool was copied from (provenance only). */
  @Column({ name: 'source_slice_id', type: 'uuid', nullable: true }) sourceSliceId: string | null;
  @ForeignKey('Slice', { name: 'fk_bounty_programs_pool_slice_id', onDelete: 'RESTRICT' })
  @Column({ name: 'pool_slice_id', type: 'uuid' })
  poolSliceId: string;
  /** The program's own plan: runs the model on the pool. */
  @ForeignKey('Plan', { name: 'fk_bounty_programs_plan_id', onDelete: 'RESTRICT' })
  @Index('ux_bounty_programs_plan', { unique: true })
  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;
  @Column({ type: 'text' }) metric: string;
  @Column({ name: 'min_effect', type: 'double precision' }) minEffect: number;
  @Column({ type: 'double precision' }) alpha: number;
  /** LORD++ initial wealth W₀ and budget (γ_j = 1/budget for j ≤ budget). */
  @Column({ type: 'double precision' }) w0: number;
  @Column({ type: 'int' }) budget: number;
  @Column({ name: 'daily_limit', type: 'int' }) dailyLimit: number;
  @Column({ name: 'min_subset_items', type: 'int' }) minSubsetItems: number;
  @Column({ name: 'effect_rounding', type: 'double precision' }) effectRounding: number;
  /** Items shown to researchers; never part of the sealed test. */
  @Column({ name: 'public_item_keys', type: 'text', array: true }) publicItemKeys: string[];
  @Column({ type: 'text', default: 'open' }) status: BountyProgramStatus;
  @Column({ name: 'created_by_key_id', type: 'uuid', nullable: true }) createdByKeyId:
    string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

export type BountySubmissionStatus = 'pending' | 'accepted' | 'rejected' | 'untestable';

/** One researcher's subset definition and, once verified, what the sealed pool said of it. */
@Entity('bounty_submissions')
@Index('ix_bounty_submissions_program_created', ['programId', 'createdAt'])
@Index('ix_bounty_submissions_researcher_created', ['researcherKeyId', 'createdAt'])
// LORD++ numbers the tests of a program 1, 2, …: one submission per number.
@Index('ux_bounty_submissions_program_test', ['programId', 'testIndex'], {
  unique: true,
  where: '"test_index" IS NOT NULL',
})
// The same subset twice would be tested twice on the same data: the second is refused.
@Index('ux_bounty_submissions_program_predicate', ['programId', 'predicate'], { unique: true })
export class BountySubmission {
  @PrimaryGeneratedColumn('uuid') id: string;
  @ForeignKey('BountyProgram', { name: 'fk_bounty_submissions_program_id', onDelete: 'CASCADE' })
  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;
  @ForeignKey('ApiKey', { name: 'fk_bounty_submissions_researcher_key_id', onDelete: 'SET NULL' })
  @Column({ name: 'researcher_key_id', type: 'uuid', nullable: true })
  researcherKeyId: string | null;
  /** Canonical form (what is tested, shown and watched); `source` as the researcher wrote it. */
  @Column({ type: 'text' }) predicate: string;
  @Column({ type: 'text' }) source: string;
  @Column({ type: 'text' }) status: BountySubmissionStatus;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'test_index', type: 'int', nullable: true }) testIndex: number | null;
  /** The LORD++ level the test was held to, and what the test said (never shown to researchers). */
  @Column({ type: 'double precision', nullable: true }) level: number | null;
  @Column({ name: 'p_value', type: 'double precision', nullable: true }) pValue: number | null;
  @Column({ type: 'double precision', nullable: true }) delta: number | null;
  @Column({ name: 'ci_low', type: 'double precision', nullable: true }) ciLow: number | null;
  @Column({ name: 'ci_high', type: 'double precision', nullable: true }) ciHigh: number | null;
  @Column({ type: 'double precision', nullable: true }) shortfall: number | null;
  @Column({ name: 'n_subset', type: 'int', nullable: true }) nSubset: number | null;
  @Column({ name: 'n_complement', type: 'int', nullable: true }) nComplement: number | null;
  /** What the researcher learns of an accepted finding: the shortfall, rounded. */
  @Column({ name: 'rounded_effect', type: 'double precision', nullable: true })
  roundedEffect: number | null;
  @Column({ name: 'run_id', type: 'uuid', nullable: true }) runId: string | null;
  /** The researcher's own items, stored as a slice owned by the program (not used in the test). */
  @Column({ name: 'items_slice_id', type: 'uuid', nullable: true }) itemsSliceId: string | null;
  @Column({ name: 'watch_label', type: 'text', nullable: true }) watchLabel: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
}
