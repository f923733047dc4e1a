import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('audit_log')
@Index('ix_audit_log_at', ['at'])
export class AuditEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column({ name: 'actor_key_id', type: 'uuid', nullable: true }) actorKeyId: string | null;
  @Column({ name: 'actor_role', type: 'text' }) actorRole: string;
  @Column({ type: 'text' }) action: string;
  @Column({ type: 'text' }) entity: string;
  @Column({ name: 'entity_id', type: 'text', nullable: true }) entityId: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) detail: Record<string, unknown>;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
}
