import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

export type Modality = 'text' | 'speech';

@Entity('models')
@Unique('ux_models_name_version', ['name', 'version'])
export class Model {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) version: string;
  @Column({ type: 'text' }) modality: Modality;
  /** Adapter spec (kind + settings). Secrets are referenced by env var name, never stored. */
  @Column({ type: 'jsonb' }) adapter: Record<string, unknown>;
  @Column({ name: 'adapter_hash', type: 'text' }) adapterHash: string;
  @Column({ name: 'default_params', type: 'jsonb', default: () => "'{}'" })
  defaultParams: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
