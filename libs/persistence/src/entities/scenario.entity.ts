import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('scenarios')
export class Scenario {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) name: string;
  /** A kind registered in libs/scenarios (qa, asr, toxicity, ...). */
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'jsonb', default: () => "'{}'" }) config: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
