import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@lastmile/config';
import { Database } from '@lastmile/persistence';
import { ApiKeysService } from '../../auth/api-keys.service';
import type { Principal } from '../../auth/principal';
import { AuditService } from '../../common/audit.service';
import { APP_CONFIG } from '../../config.token';

/** A signed-in browser: the principal of its API key and the session's CSRF token. */
export interface ConsoleSession {
  principal: Principal;
  csrfToken: string;
  expiresAt: Date;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const token = () => randomBytes(32).toString('base64url');

/** Constant-time comparison of two tokens (false when either is missing). */
export function sameToken(a: string | undefined | null, b: string | undefined | null): boolean {
  if (!a || !b) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Console sessions, stored server-side in PostgreSQL (console_sessions): the cookie holds a random
 * token, the table its hash, the API key it acts as, its CSRF token and its expiry. A session is
 * its key — the same ApiKeysService resolves the key at sign-in, and every request reads the
 * session joined with the key, so a revoked key's sessions end at once.
 */
@Injectable()
export class ConsoleSessionsService {
  constructor(
    private readonly database: Database,
    private readonly keys: ApiKeysService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get lifetimeSeconds(): number {
    return Math.round(this.config.LASTMILE_CONSOLE_SESSION_HOURS * 3600);
  }

  /**
   * Signs in with an API key: null when the key is not valid (unknown or revoked); the role of a
   * bounty researcher's or a reviewer's key, which reaches its own API routes and nothing else.
   */
  async signIn(
    apiKey: string,
  ): Promise<(ConsoleSession & { token: string }) | 'researcher' | 'reviewer' | null> {
    const principal = await this.keys.resolve(apiKey.trim());
    if (!principal) return null;
    if (principal.role === 'researcher' || principal.role === 'reviewer') return principal.role;
    const session = {
      token: token(),
      csrfToken: token(),
      expiresAt: new Date(Date.now() + this.lifetimeSeconds * 1000),
    };
    await this.database.transaction(async (stores) => {
      await stores.consoleSessions.create({
        tokenHash: sha256(session.token),
        keyId: principal.keyId,
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
      });
      await this.audit.record(principal, 'sign-in', 'console_session', null, {}, stores);
    });
    return { ...session, principal };
  }

  /** The live session of a cookie's token, or null (none, expired, signed out, key revoked). */
  async resolve(sessionToken: string | undefined): Promise<ConsoleSession | null> {
    if (!sessionToken || sessionToken.length > 100) return null;
    const row = await this.database.stores.consoleSessions.live(sha256(sessionToken));
    if (!row) return null;
    return {
      principal: Object.freeze({ keyId: row.keyId, role: row.role, tenantId: row.tenantId }),
      csrfToken: row.csrfToken,
      expiresAt: new Date(row.expiresAt),
    };
  }

  async signOut(principal: Principal, sessionToken: string | undefined): Promise<void> {
    if (!sessionToken) return;
    await this.database.transaction(async (stores) => {
      await stores.consoleSessions.remove(sha256(sessionToken));
      await this.audit.record(principal, 'sign-out', 'console_session', null, {}, stores);
    });
  }

  /** A fresh token for the sign-in form's double-submit cookie. */
  newSignInToken(): string {
    return token();
  }
}
