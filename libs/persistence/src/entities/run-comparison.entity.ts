import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/**
 * What drift monitoring compared one run's metric in one subgroup with: the baseline it chose,
 * as that baseline stood before the run joined any (its value, interval and runs then). The run
 * report reads it, so a report never compares a run with a baseline it has since joined, nor with
 * another baseline than the one its alerts were decided against (a pin, an earlier version's).
 * A copy, not a reference: the baseline row moves on with later runs.
 */
@Entity('run_comparisons')
export class RunComparison {
  @ForeignKey('Run', { name: 'fk_run_comparisons_run_id', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'run_id', type: 'uuid', primaryKeyConstraintName: 'pk_run_comparisons' })
  runId: string;
  /** The run's slice. */
  @PrimaryColumn({ name: 'slice_id', type: 'uuid', primaryKeyConstraintName: 'pk_run_comparisons' })
  sliceId: string;
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_run_comparisons' }) metric: string;
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_run_comparisons' })
  subgroup: string;
  @Column({ name: 'baseline_id', type: 'uuid' }) baselineId: string;
  /** The slice version the baseline was built on (an earlier one when compared across versions). */
  @Column({ name: 'baseline_slice_id', type: 'uuid' }) baselineSliceId: string;
  @Column({ name: 'version_key', type: 'text' }) versionKey: string;
  /** The plan's baseline policy then: first_n, rolling or pinned. */
  @Column({ type: 'text' }) policy: string;
  @Column({ type: 'boolean' }) pinned: boolean;
  /** The baseline belongs to another model or slice version than the run's. */
  @Column({ name: 'other_version', type: 'boolean' }) otherVersion: boolean;
  @Column({ name: 'run_ids', type: 'uuid', array: true }) runIds: string[];
  @Column({ type: 'double precision', nullable: true }) value: number | null;
  @Column({ name: 'ci_low', type: 'double precision', nullable: true }) ciLow: number | null;
  @Column({ name: 'ci_high', type: 'double precision', nullable: true }) ciHigh: number | null;
}
