import type { EntityManager } from 'typeorm';
import type { Role } from '../entities/api-key.entity';

/** A live session as the console reads it: the key it acts as, and the session's CSRF token. */
export interface ConsoleSessionRow {
  keyId: string;
  role: Role;
  tenantId: string | null;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * The console_sessions table: browser sessions that act as an API key. A session is live while
 * it has not expired and its key is not revoked — one indexed join per console request, so a
 * revoked key signs its sessions out at once, in every API replica.
 */
export class ConsoleSessionsStore {
  constructor(private readonly db: EntityManager) {}

  /** Stores a new session (and clears expired ones: sign-ins are rare, the delete is indexed). */
  async create(session: {
    tokenHash: string;
    keyId: string;
    csrfToken: string;
    expiresAt: Date;
  }): Promise<void> {
    await this.db.query('DELETE FROM console_sessions WHERE expires_at < now()');
    await this.db.query(
      `INSERT INTO console_sessions (token_hash, key_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)`,
      [session.tokenHash, session.keyId, session.csrfToken, session.expiresAt],
    );
  }

  /** The live session of a token hash, with its key's role and tenant; null otherwise. */
  async live(tokenHash: string): Promise<ConsoleSessionRow | null> {
    const rows: ConsoleSessionRow[] = await this.db.query(
      `SELECT s.key_id AS "keyId", k.role, k.tenant_id AS "tenantId", s.csrf_token AS "csrfToken",
              s.expires_at AS "expiresAt"
         FROM console_sessions s JOIN api_keys k ON k.id = s.key_id
        WHERE s.token_hash = $1 AND s.expires_at > now() AND k.revoked_at IS NULL`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** Signs one session out. */
  async remove(tokenHash: string): Promise<void> {
    await this.db.query('DELETE FROM console_sessions WHERE token_hash = $1', [tokenHash]);
  }

  /** Signs out every session of a key (its revocation); answers how many there were. */
  async removeForKey(keyId: string): Promise<number> {
    const [, count]: [unknown, number] = await this.db.query(
      'DELETE FROM console_sessions WHERE key_id = $1',
      [keyId],
    );
    return count;
  }
}
