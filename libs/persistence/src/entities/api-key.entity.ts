import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

/**
 * reviewer: labels answers in the review queue (GET /v1/reviews/next, POST /v1/reviews/:id) and
 * reads the agreement statistics, nothing else; bound to a tenant it sees that tenant's runs only.
 */
export const ROLES = ['admin', 'ml', 'customer', 'oncall', 'researcher', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

@Entity('api_keys')
export class ApiKey {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', nullable: true }) name: string | null;
  /** First characters of the key, enough to recognise it in a list without revealing it. */
  @Column({ type: 'text' }) prefix: string;
  /** SHA-256 of the key: keys are random 256-bit tokens, so a fast hash is enough. */
  @Index('ux_api_keys_hash', { unique: true }) @Column({ type: 'text' }) hash: string;
  @Column({ type: 'text' }) role: Role;
  @ForeignKey('Tenant', { name: 'fk_api_keys_tenant_id', onDelete: 'CASCADE' })
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  tenantId: string | null;
  /** Set for researcher keys: the one bias-bounty program they may reach. */
  @ForeignKey('BountyProgram', { name: 'fk_api_keys_program_id', onDelete: 'CASCADE' })
  @Column({ name: 'program_id', type: 'uuid', nullable: true })
  programId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
