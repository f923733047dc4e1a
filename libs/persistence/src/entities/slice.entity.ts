import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

export type SliceModality = 'text' | 'audio';

/** An immutable dataset version; tenant null = built in. */
@Entity('slices')
@Index('ux_slices_tenant_name_version', ['tenantId', 'name', 'version'], { unique: true })
@Index('ux_slices_tenant_name_hash', ['tenantId', 'name', 'contentHash'], { unique: true })
export class Slice {
  @PrimaryGeneratedColumn('uuid') id: string;
  @ForeignKey('Tenant', { name: 'fk_slices_tenant_id', onDelete: 'CASCADE' })
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  tenantId: string | null;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'content_hash', type: 'text' }) contentHash: string;
  @Column({ type: 'text' }) modality: SliceModality;
  @Column({ name: 'item_count', type: 'int' }) itemCount: number;
  /** attribute name -> distinct values, for breakdowns and dashboards. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) attributes: Record<string, string[]>;
  /**
   * Set when a bias-bounty program owns the slice (its sealed pool, or a researcher's items): such
   * a slice is tenant-less but serves no plan except the program's own.
   */
  @Column({ name: 'program_id', type: 'uuid', nullable: true }) programId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
