import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export interface BaselinePolicy {
  kind: 'first_n' | 'pinned' | 'rolling';
  n?: number;
  runIds?: string[];
  window?: number;
  /** Compare across model/slice versions instead of starting a new baseline. */
  compareAcrossVersions?: boolean;
}

export interface AlertPolicy {
  alpha: number;
  minEffect: number;
  /** Effect sizes at which severity rises: [warning, critical]. */
  severity: { warning: number; critical: number };
  fairnessTolerance?: number;
  autoResolveAfter: number;
}

export interface ChannelSpec {
  kind: 'webhook' | 'slack' | 'pagerduty';
  /**
   * A webhook's endpoint. A Slack channel's URL is its secret's value; a PagerDuty channel always
   * delivers to the operator's LASTMILE_PAGERDUTY_EVENTS_URL (a url stored before is ignored).
   */
  url?: string;
  /** Name of a stored secret of the plan's tenant (or the operator's, for plans without one). */
  secret?: string;
  /** Before secrets were stored: an environment variable name. Refused at delivery, reported in /health. */
  secretEnv?: string;
}

/**
 * A stratified sample of the scenario's built-in data, or 'full' (as @lastmile/scenarios
 * sampleSchema parses it). On a plan it takes precedence over the scenario config's own sample.
 */
export type PlanSample =
  'full' | { perGroup: number; by: string; seed: number; wholeUnits?: boolean };

/**
 * A subset a plan monitors beyond its breakdown attributes: an accepted bias-bounty finding. Its
 * metrics are stored under `label` (`watch:…`); see @lastmile/scenarios watchedSubgroupMetrics.
 */
export interface WatchedSubgroup {
  label: string;
  /** Canonical predicate over item attributes (docs/bounties.md grammar). */
  predicate: string;
  /** Where it came from: the program, the accepted submission, and the researcher credited. */
  source: { programId: string; submissionId: string; researcher: string };
  addedAt: string;
}

@Entity('plans')
@Index('ix_plans_model', ['modelId'])
export class Plan {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  @ForeignKey('Model', { name: 'fk_plans_model_id', onDelete: 'RESTRICT' })
  @Column({ name: 'model_id', type: 'uuid' })
  modelId: string;
  @ForeignKey('Scenario', { name: 'fk_plans_scenario_id', onDelete: 'RESTRICT' })
  @Column({ name: 'scenario_id', type: 'uuid' })
  scenarioId: string;
  /** Slices to evaluate; empty means the scenario's built-in data. */
  @Column({ name: 'slice_ids', type: 'uuid', array: true, default: () => "'{}'" })
  sliceIds: string[];
  /** Tenant that owns the plan (customer plans); null for ML-team plans. */
  @ForeignKey('Tenant', { name: 'fk_plans_tenant_id', onDelete: 'CASCADE' })
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  tenantId: string | null;
  @Column({ type: 'text', nullable: true }) cron: string | null;
  @Column({ type: 'text', default: 'UTC' }) timezone: string;
  @Column({ type: 'boolean', default: true }) enabled: boolean;
  @Column({ name: 'sample_size', type: 'int', nullable: true }) sampleSize: number | null;
  @Column({ type: 'int', default: 0 }) seed: number;
  /** Null: the scenario config's sample (or its kind's default) applies. */
  @Column({ type: 'jsonb', nullable: true }) sample: PlanSample | null;
  @Column({ name: 'baseline_policy', type: 'jsonb' }) baselinePolicy: BaselinePolicy;
  @Column({ name: 'alert_policy', type: 'jsonb' }) alertPolicy: AlertPolicy;
  @Column({ type: 'jsonb', default: () => "'[]'" }) channels: ChannelSpec[];
  @Column({ name: 'cache_responses', type: 'boolean', default: false }) cacheResponses: boolean;
  @Column({ name: 'watched_subgroups', type: 'jsonb', default: () => "'[]'" })
  watchedSubgroups: WatchedSubgroup[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt: Date | null;
}
