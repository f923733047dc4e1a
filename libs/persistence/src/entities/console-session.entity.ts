import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/**
 * A signed-in console (browser) session: the cookie carries a random token, only its SHA-256 is
 * stored. It acts as its API key (same role, same tenant) until it expires, is signed out, or the
 * key is revoked (sessions are read joined with an active key, and deleted with the key's row).
 */
@Entity('console_sessions')
@Index('ix_console_sessions_key', ['keyId'])
@Index('ix_console_sessions_expires', ['expiresAt'])
export class ConsoleSession {
  @PrimaryColumn({ name: 'token_hash', type: 'text' }) tokenHash: string;
  @ForeignKey('ApiKey', { name: 'fk_console_sessions_key_id', onDelete: 'CASCADE' })
  @Column({ name: 'key_id', type: 'uuid' })
  keyId: string;
  /** Sent back with every form and upload of the session (synchronizer token). */
  @Column({ name: 'csrf_token', type: 'text' }) csrfToken: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
}
