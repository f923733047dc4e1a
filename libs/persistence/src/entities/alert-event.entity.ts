import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

/** The alert's history: opened, updated, escalated, acknowledged, resolved, reopened. */
@Entity('alert_events')
@Index('ix_alert_events_alert', ['alertId', 'at'])
export class AlertEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @ForeignKey('Alert', { name: 'fk_alert_events_alert_id', onDelete: 'CASCADE' })
  @Column({ name: 'alert_id', type: 'uuid' })
  alertId: string;
  @Column({ type: 'text' }) event: string;
  @Column({ name: 'actor_key_id', type: 'uuid', nullable: true }) actorKeyId: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'run_id', type: 'uuid', nullable: true }) runId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
}
