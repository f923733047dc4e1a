import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Optional per-plan response cache, keyed by a hash of the adapter spec and the request. */
@Entity('response_cache')
export class ResponseCacheEntry {
  @PrimaryColumn({ type: 'text' }) key: string;
  @Column({ type: 'text' }) response: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
