import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

/** One model call for one item and sample; unique so a resumed job never duplicates. */
@Entity('instance_results')
@Index('ux_instance_results_run_item_sample', ['runId', 'sliceId', 'itemKey', 'sample'], {
  unique: true,
})
export class InstanceResult {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @ForeignKey('Run', { name: 'fk_instance_results_run_id', onDelete: 'CASCADE' })
  @Column({ name: 'run_id', type: 'uuid' })
  runId: string;
  @Column({ name: 'slice_id', type: 'uuid' }) sliceId: string;
  @Column({ name: 'item_key', type: 'text' }) itemKey: string;
  @Column({ type: 'int', default: 0 }) sample: number;
  @Column({ type: 'jsonb', nullable: true }) request: Record<string, unknown> | null;
  @Column({ type: 'text', nullable: true }) response: string | null;
  @Column({ name: 'latency_ms', type: 'int', nullable: true }) latencyMs: number | null;
  @Column({ type: 'jsonb', nullable: true }) error: Record<string, unknown> | null;
  /** Per-instance stats from the scenario's scorer (e.g. {errors: 3, refWords: 12}). */
  @Column({ type: 'jsonb', default: () => "'{}'" }) stats: Record<string, unknown>;
  @Column({ type: 'jsonb', default: () => "'{}'" }) attributes: Record<string, string>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
