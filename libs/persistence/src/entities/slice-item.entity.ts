import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('slice_items')
@Index('ux_slice_items_slice_key', ['sliceId', 'itemKey'], { unique: true })
@Index('ux_slice_items_slice_ordinal', ['sliceId', 'ordinal'], { unique: true })
export class SliceItem {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @ForeignKey('Slice', { name: 'fk_slice_items_slice_id', onDelete: 'CASCADE' })
  @Column({ name: 'slice_id', type: 'uuid' })
  sliceId: string;
  /** The uploader's item id. */
  @Column({ name: 'item_key', type: 'text' }) itemKey: string;
  /** Upload order: runs stream items by (slice_id, ordinal) with keyset pagination. */
  @Column({ type: 'int' }) ordinal: number;
  @Column({ type: 'text', nullable: true }) input: string | null;
  @Column({ type: 'jsonb', nullable: true }) references: string[] | null;
  @Column({ type: 'text', nullable: true }) label: string | null;
  @Column({ type: 'jsonb', nullable: true }) choices: string[] | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) attributes: Record<string, string>;
  @Column({ type: 'bytea', nullable: true }) audio: Buffer | null;
  @Column({ name: 'audio_mime', type: 'text', nullable: true }) audioMime: string | null;
  @Column({ name: 'audio_ms', type: 'int', nullable: true }) audioMs: number | null;
}
