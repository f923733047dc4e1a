import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

export const RUN_STATUSES = [
  'queued',
  'running',
  'succeeded',
  'partial',
  'failed',
  'cancelled',
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface Provenance {
  modelSpecHash: string;
  sliceHashes: Record<string, string>;
  scenarioKind: string;
  scenarioVersion: string;
  harnessVersion: string;
  seed: number;
  /** The kind's scoringProvenance (normalizer, judge), when it has one, and its hash. */
  scoring?: Record<string, unknown>;
  scoringHash?: string;
  /** Model calls the run plans: its instances, plus its judge's and paraphraser's calls. */
  modelCalls?: number;
  [key: string]: unknown;
}

/** What a run's drift monitoring concluded, for clients waiting on it (CI gates, on-call tools). */
export interface RunMonitoring {
  /** pending: the run has ended, monitoring not yet; done; failed (logged, the run unaffected); skipped. */
  status: 'pending' | 'done' | 'failed' | 'skipped';
  finishedAt?: string;
  /** Incidents this run opened, saw again, escalated or reopened, with their findings' count. */
  incidents?: { id: string; type: string; action: string; severity: string; findings: number }[];
  /** Tests that could not be run at full power, per slice, metric and group (n and MDE). */
  underpowered?: {
    /** drift: the subgroup's change; disparity_drift: the group's change against the others'. */
    kind: 'drift' | 'disparity_drift';
    sliceId: string;
    metric: string;
    subgroup: string;
    n: number;
    mde: number | null;
    status: string;
  }[];
  /** How many (slice, metric, subgroup) were compared with a baseline (see RunComparison). */
  comparisons?: number;
  error?: string;
}

@Entity('runs')
@Index('ix_runs_plan_queued', ['planId', 'queuedAt'])
@Index('ix_runs_status', ['status'])
// Per-tenant quotas count a tenant's runs of the past hour.
@Index('ix_runs_tenant_queued', ['tenantId', 'queuedAt'])
// The newest runs of every plan (GET /v1/runs, the console's run list), without a sort.
@Index('ix_runs_queued', ['queuedAt'])
export class Run {
  @PrimaryGeneratedColumn('uuid') id: string;
  @ForeignKey('Plan', { name: 'fk_runs_plan_id', onDelete: 'SET NULL' })
  @Column({ name: 'plan_id', type: 'uuid', nullable: true })
  planId: string | null;
  @ForeignKey('Model', { name: 'fk_runs_model_id', onDelete: 'RESTRICT' })
  @Column({ name: 'model_id', type: 'uuid' })
  modelId: string;
  @ForeignKey('Scenario', { name: 'fk_runs_scenario_id', onDelete: 'RESTRICT' })
  @Column({ name: 'scenario_id', type: 'uuid', nullable: true })
  scenarioId: string | null;
  @ForeignKey('Tenant', { name: 'fk_runs_tenant_id', onDelete: 'CASCADE' })
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  tenantId: string | null;
  @Column({ type: 'text' }) status: RunStatus;
  @Column({ type: 'text' }) trigger: 'schedule' | 'manual' | 'cli';
  @Column({ type: 'int', default: 0 }) total: number;
  @Column({ type: 'int', default: 0 }) done: number;
  @Column({ type: 'int', default: 0 }) errors: number;
  @Column({ type: 'jsonb', nullable: true }) provenance: Provenance | null;
  /** Why a run failed or what its errors were, by error code. */
  @Column({ name: 'error_summary', type: 'jsonb', nullable: true }) errorSummary: Record<
    string,
    unknown
  > | null;
  @Column({ name: 'cancel_requested', type: 'boolean', default: false }) cancelRequested: boolean;
  /** When drift monitoring of the finished run ended and what it concluded (null: not yet run). */
  @Column({ type: 'jsonb', nullable: true }) monitoring: RunMonitoring | null;
  @Column({ name: 'queued_at', type: 'timestamptz', default: () => 'now()' }) queuedAt: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
