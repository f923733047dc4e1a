import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { AlertSeverity } from './alert.entity';

/**
 * One finding of an incident (an alerts row) in one run: a metric × subgroup × test that came out
 * worse than its baseline, a gap beyond tolerance, a group hurt more than the others. An incident
 * holds one run's findings ranked (rank 1 first); the findings of every run are kept, so the
 * history of an incident reads run by run and dashboards can chart findings per metric.
 */
@Entity('findings')
@Index('ix_findings_alert_run', ['alertId', 'runId', 'rank'])
@Index('ix_findings_run', ['runId'])
export class Finding {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @ForeignKey('Alert', { name: 'fk_findings_alert_id', onDelete: 'CASCADE' })
  @Column({ name: 'alert_id', type: 'uuid' })
  alertId: string;
  @Column({ name: 'run_id', type: 'uuid', nullable: true }) runId: string | null;
  /** drift, cusum, fairness_gap, disparity_drift, condition_drift, judge_drift, health */
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text' }) metric: string;
  @Column({ type: 'text' }) subgroup: string;
  @Column({ type: 'text' }) severity: AlertSeverity;
  @Column({ type: 'text' }) title: string;
  /** The test behind it (paired-bootstrap, mcnemar-exact, permutation-exact, cusum…). */
  @Column({ type: 'text', nullable: true }) test: string | null;
  @Column({ name: 'p_value', type: 'double precision', nullable: true }) pValue: number | null;
  @Column({ name: 'q_value', type: 'double precision', nullable: true }) qValue: number | null;
  /** The change (or gap, or contrast) in the metric's units, oriented so positive is worse. */
  @Column({ type: 'double precision', nullable: true }) effect: number | null;
  @Column({ type: 'int' }) rank: number;
  @Column({ type: 'jsonb' }) evidence: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
