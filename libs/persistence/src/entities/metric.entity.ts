import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

/** (run, slice, subgroup, name) -> value with interval: the time series Grafana draws. */
@Entity('metrics')
@Index('ux_metrics_run_slice_subgroup_name', ['runId', 'sliceId', 'subgroup', 'name'], {
  unique: true,
})
@Index('ix_metrics_plan_slice_name_at', ['planId', 'sliceId', 'name', 'at'])
@Index('ix_metrics_model_name_at', ['modelId', 'name', 'at'])
export class Metric {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @ForeignKey('Run', { name: 'fk_metrics_run_id', onDelete: 'CASCADE' })
  @Column({ name: 'run_id', type: 'uuid' })
  runId: string;
  @Column({ name: 'plan_id', type: 'uuid', nullable: true }) planId: string | null;
  @Column({ name: 'model_id', type: 'uuid' }) modelId: string;
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true }) tenantId: string | null;
  @Column({ name: 'slice_id', type: 'uuid' }) sliceId: string;
  /** 'all', or attribute=value such as 'accent=en-gb-scotland'. */
  @Column({ type: 'text' }) subgroup: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'double precision', nullable: true }) value: number | null;
  @Column({ name: 'ci_low', type: 'double precision', nullable: true }) ciLow: number | null;
  @Column({ name: 'ci_high', type: 'double precision', nullable: true }) ciHigh: number | null;
  @Column({ type: 'int' }) n: number;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
}
