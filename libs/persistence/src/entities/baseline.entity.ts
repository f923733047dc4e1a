import {
  Column,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** The reference a plan's metric is compared with, keeping per-item stats for paired tests. */
@Entity('baselines')
@Index('ux_baselines_key', ['planId', 'sliceId', 'subgroup', 'metric', 'versionKey'], {
  unique: true,
})
export class Baseline {
  @PrimaryGeneratedColumn('uuid') id: string;
  @ForeignKey('Plan', { name: 'fk_baselines_plan_id', onDelete: 'CASCADE' })
  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;
  @Column({ name: 'slice_id', type: 'uuid' }) sliceId: string;
  @Column({ type: 'text' }) subgroup: string;
  @Column({ type: 'text' }) metric: string;
  /** Model spec hash + slice content hash: a new version starts a new baseline. */
  @Column({ name: 'version_key', type: 'text' }) versionKey: string;
  @Column({ name: 'run_ids', type: 'uuid', array: true }) runIds: string[];
  @Column({ type: 'double precision', nullable: true }) value: number | null;
  @Column({ name: 'ci_low', type: 'double precision', nullable: true }) ciLow: number | null;
  @Column({ name: 'ci_high', type: 'double precision', nullable: true }) ciHigh: number | null;
  /** Values of the metric in each baseline run, for the between-run spread. */
  @Column({ name: 'run_values', type: 'jsonb', default: () => "'[]'" }) runValues: number[];
  /** Stored as written (json, not jsonb): never queried inside, and large. */
  @Column({ name: 'item_stats', type: 'json', default: () => "'{}'" }) itemStats: Record<
    string,
    unknown
  >;
  /** CUSUM state of the standardized metric: the slow-drift detector. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) cusum: Record<string, number>;
  @Column({ type: 'boolean', default: false }) pinned: boolean;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
