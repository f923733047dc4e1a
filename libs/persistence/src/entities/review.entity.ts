import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

/** How the judge of a reviewed answer was asked: what a person's label must follow. */
export interface ReviewJudge {
  mode: 'single' | 'pairwise';
  scale: { min: number; max: number };
  passScore: number;
  rubric: string;
}

/**
 * One answer of a run put in front of people: sampled when the run ended (stratified by group,
 * the judge's uncertain answers first), with the judge's verdict kept beside it for the
 * agreement statistics (never shown to reviewers).
 */
@Entity('review_tasks')
@Index('ux_review_tasks_run_item', ['runId', 'sliceId', 'itemKey', 'sample'], { unique: true })
@Index('ix_review_tasks_scenario', ['scenarioId', 'createdAt'])
@Index('ix_review_tasks_tenant', ['tenantId'])
export class ReviewTask {
  @PrimaryGeneratedColumn('uuid') id: string;
  @ForeignKey('Run', { name: 'fk_review_tasks_run_id', onDelete: 'CASCADE' })
  @Column({ name: 'run_id', type: 'uuid' })
  runId: string;
  @Column({ name: 'scenario_id', type: 'uuid' }) scenarioId: string;
  /** The run's tenant: only reviewers of that tenant see its customers' data. */
  @ForeignKey('Tenant', { name: 'fk_review_tasks_tenant_id', onDelete: 'CASCADE' })
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  tenantId: string | null;
  @Column({ name: 'slice_id', type: 'uuid' }) sliceId: string;
  @Column({ name: 'item_key', type: 'text' }) itemKey: string;
  @Column({ type: 'int', default: 0 }) sample: number;
  /** The group it was sampled for: 'topic=science' ('a=x&b=y' across attributes), or 'all'. */
  @Column({ type: 'text' }) stratum: string;
  @Column({ name: 'judge_id', type: 'text' }) judgeId: string;
  @Column({ type: 'jsonb' }) judge: ReviewJudge;
  /** The judge's verdict: pass | fail (single), win | tie | loss (pairwise). */
  @Column({ name: 'judge_label', type: 'text' }) judgeLabel: string;
  /** Mean score (single) or win score (pairwise) of the judge's samples. */
  @Column({ name: 'judge_score', type: 'double precision', nullable: true })
  judgeScore: number | null;
  /** How much the judge's samples disagreed: score spread, or the share of order flips. */
  @Column({ name: 'judge_spread', type: 'double precision', default: 0 }) judgeSpread: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** One person's label of one review task: one per reviewer key and task. */
@Entity('review_labels')
@Index('ux_review_labels_task_reviewer', ['taskId', 'reviewerKeyId'], { unique: true })
@Index('ix_review_labels_reviewer', ['reviewerKeyId'])
export class ReviewLabel {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @ForeignKey('ReviewTask', { name: 'fk_review_labels_task_id', onDelete: 'CASCADE' })
  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;
  @ForeignKey('ApiKey', { name: 'fk_review_labels_reviewer_key_id', onDelete: 'CASCADE' })
  @Column({ name: 'reviewer_key_id', type: 'uuid' })
  reviewerKeyId: string;
  /** pass | fail (single: from the score and the pass score), win | tie | loss (pairwise). */
  @Column({ type: 'text' }) label: string;
  /** The score given on the judge's scale (single mode). */
  @Column({ type: 'double precision', nullable: true }) score: number | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
