import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

/** One delivery attempt of an alert event to a channel; the idempotency key repeats on retries. */
@Entity('notifications')
@Index('ix_notifications_alert', ['alertId', 'at'])
@Index('ix_notifications_channel_status', ['channelKey', 'status', 'at'])
export class Notification {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @ForeignKey('Alert', { name: 'fk_notifications_alert_id', onDelete: 'CASCADE' })
  @Column({ name: 'alert_id', type: 'uuid' })
  alertId: string;
  @Column({ name: 'channel_key', type: 'text' }) channelKey: string;
  @Column({ type: 'text' }) event: string;
  @Column({ name: 'idempotency_key', type: 'text' }) idempotencyKey: string;
  @Column({ type: 'int' }) attempt: number;
  @Column({ type: 'text' }) status: 'delivered' | 'failed';
  @Column({ name: 'response_status', type: 'int', nullable: true }) responseStatus: number | null;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
}
