import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
/**
 * An incident's cause (its findings say what exactly): quality drift (CUSUM's slow drift included;
 * 'cusum' rows predate incidents), a fairness gap beyond tolerance, a group hurt more than the
 * others, a change in the recording conditions, a judge no longer agreeing with people, a run
 * that failed.
 */
export const ALERT_TYPES = [
  'drift',
  'fairness_gap',
  'disparity_drift',
  'condition_drift',
  'judge_drift',
  'health',
  'cusum',
] as const;
export type AlertType = (typeof ALERT_TYPES)[number];
export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

@Entity('alerts')
// One unresolved alert per dedup key; a resolved one may be reopened or superseded.
@Index('ux_alerts_dedup_open', ['dedupKey'], { unique: true, where: "status <> 'resolved'" })
@Index('ix_alerts_status_last_seen', ['status', 'lastSeenAt'])
@Index('ix_alerts_tenant', ['tenantId'])
// GET /v1/alerts: newest first by (last_seen_at, id), unfiltered or per plan.
@Index('ix_alerts_last_seen_id', ['lastSeenAt', 'id'])
@Index('ix_alerts_plan_last_seen_id', ['planId', 'lastSeenAt', 'id'])
export class Alert {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'dedup_key', type: 'text' }) dedupKey: string;
  @Column({ type: 'text' }) type: AlertType;
  @Column({ type: 'text' }) status: AlertStatus;
  @Column({ type: 'text' }) severity: AlertSeverity;
  @ForeignKey('Plan', { name: 'fk_alerts_plan_id', onDelete: 'CASCADE' })
  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;
  @Column({ name: 'model_id', type: 'uuid' }) modelId: string;
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true }) tenantId: string | null;
  @Column({ name: 'slice_id', type: 'uuid', nullable: true }) sliceId: string | null;
  @Column({ type: 'text' }) subgroup: string;
  @Column({ type: 'text' }) metric: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'jsonb' }) evidence: Record<string, unknown>;
  @Column({ name: 'last_run_id', type: 'uuid', nullable: true }) lastRunId: string | null;
  @Column({ name: 'seen_count', type: 'int', default: 1 }) seenCount: number;
  @Column({ name: 'clean_runs', type: 'int', default: 0 }) cleanRuns: number;
  @Column({ name: 'opened_at', type: 'timestamptz', default: () => 'now()' }) openedAt: Date;
  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' }) lastSeenAt: Date;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
}
