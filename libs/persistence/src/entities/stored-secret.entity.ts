import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

/**
 * A secret a tenant (or, with no tenant, the operator) stores for its notification channels:
 * encrypted at rest (AES-256-GCM under LASTMILE_SECRETS_KEY), written and listed through the API,
 * never returned. See docs/security.md.
 */
@Entity('secrets')
@Index('ux_secrets_tenant_name', ['tenantId', 'name'], {
  unique: true,
  where: '"tenant_id" IS NOT NULL',
})
@Index('ux_secrets_operator_name', ['name'], { unique: true, where: '"tenant_id" IS NULL' })
export class StoredSecret {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Owner tenant; null for the operator's own secrets (channels of plans without a tenant). */
  @ForeignKey('Tenant', { name: 'fk_secrets_tenant_id', onDelete: 'CASCADE' })
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  tenantId: string | null;
  @Column({ type: 'text' }) name: string;
  /** IV (12 bytes) | GCM tag (16 bytes) | ciphertext; the scope and name are authenticated data. */
  @Column({ type: 'bytea' }) sealed: Buffer;
  /** Which key sealed it (first 8 hex of the key's sha256), so a key rotation can find the rest. */
  @Column({ name: 'key_id', type: 'text' }) keyId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'rotated_at', type: 'timestamptz' }) rotatedAt: Date;
}
