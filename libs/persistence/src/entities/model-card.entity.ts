import { Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The only hand-written part of a service card: what the model is for, what it is not for, and
 * whom to ask (PATCH /v1/models/:id). Everything else on a card is derived from stored results.
 */
@Entity('model_card_notes')
export class ModelCardNotes {
  @ForeignKey('Model', { name: 'fk_model_card_notes_model_id', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'model_id', type: 'uuid' })
  modelId: string;
  @Column({ name: 'intended_use', type: 'text', nullable: true }) intendedUse: string | null;
  @Column({ name: 'out_of_scope', type: 'text', nullable: true }) outOfScope: string | null;
  @Column({ type: 'text', nullable: true }) contact: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
  @Column({ name: 'updated_by_key_id', type: 'uuid', nullable: true }) updatedByKeyId:
    string | null;
}

/**
 * A version of a service card: identified by the model, the scope it was built for ('all', or a
 * customer tenant's id: public slices and that tenant's only) and its version key (the model
 * version, the set of runs it summarizes and the notes). `content` is its latest generation and
 * `content_hash` what that says; `runs_hash` names the runs.
 */
@Entity('model_cards')
@Index('ux_model_cards_model_scope_version', ['modelId', 'scope', 'versionKey'], { unique: true })
@Index('ix_model_cards_model_scope_generated', ['modelId', 'scope', 'generatedAt'])
export class ModelCard {
  @PrimaryGeneratedColumn('uuid') id: string;
  @ForeignKey('Model', { name: 'fk_model_cards_model_id', onDelete: 'CASCADE' })
  @Column({ name: 'model_id', type: 'uuid' })
  modelId: string;
  @Column({ type: 'text' }) scope: string;
  /** Set for a customer's scope, so the tenant's cards go with it. */
  @ForeignKey('Tenant', { name: 'fk_model_cards_tenant_id', onDelete: 'CASCADE' })
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  tenantId: string | null;
  /** Rows recorded before versions were keyed by runs have `legacy:<content hash>`. */
  @Column({ name: 'version_key', type: 'text' }) versionKey: string;
  @Column({ name: 'runs_hash', type: 'text' }) runsHash: string;
  @Column({ name: 'content_hash', type: 'text' }) contentHash: string;
  @Column({ name: 'run_ids', type: 'uuid', array: true }) runIds: string[];
  @Column({ type: 'jsonb' }) content: Record<string, unknown>;
  @Column({ name: 'generated_at', type: 'timestamptz' }) generatedAt: Date;
  @Column({ name: 'last_generated_at', type: 'timestamptz' }) lastGeneratedAt: Date;
  @Column({ name: 'generation_count', type: 'int', default: 1 }) generationCount: number;
}
