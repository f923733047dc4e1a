import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { Database, type Role, type Stores } from '@lastmile/persistence';
import { displayPrefix, generateApiKey, hashApiKey, sameHash } from '@lastmile/persistence';
import type { Principal } from './principal';

export interface CreatedApiKey {
  id: string;
  key: string;
  prefix: string;
  role: Role;
  tenantId: string | null;
  /** The bounty program a researcher key is bound to (null for every other role). */
  programId: string | null;
  name: string | null;
}

/**
 * Every request resolves its key, so valid keys are remembered briefly (a database round trip per
 * request was a third of a metrics read). A revoke clears this process's cache at once; other API
 * replicas stop accepting the key within this time.
 */
export const KEY_CACHE_MS = 5_000;

@Injectable()
export class ApiKeysService {
  private readonly resolved = new LRUCache<string, Principal>({ max: 10_000, ttl: KEY_CACHE_MS });

  constructor(private readonly database: Database) {}

  /** Pass the transaction's stores to store the key atomically with its audit entry. */
  async create(
    role: Role,
    tenantId: string | null,
    name: string | null = null,
    stores?: Pick<Stores, 'keys'>,
    programId: string | null = null,
  ): Promise<CreatedApiKey> {
    return this.store(generateApiKey(), role, tenantId, name, stores, programId);
  }

  /** Stores a key chosen by the operator (LASTMILE_ADMIN_KEY) unless it already exists. */
  async ensure(key: string, role: Role): Promise<boolean> {
    const existing = await this.database.stores.keys.findByHash(hashApiKey(key));
    if (existing) return false;
    await this.store(key, role, null, 'LASTMILE_ADMIN_KEY');
    return true;
  }

  async resolve(key: string): Promise<Principal | null> {
    const hash = hashApiKey(key);
    const cached = this.resolved.get(hash);
    if (cached) return cached;
    const row = await this.database.stores.keys.findActiveByHash(hash);
    // The lookup is by hash (an index); the compare is constant-time so timing says nothing of the key.
    if (!row || !sameHash(row.hash, hash)) return null;
    const principal: Principal = Object.freeze({
      keyId: row.id,
      role: row.role,
      tenantId: row.tenantId,
      programId: row.programId,
    });
    this.resolved.set(hash, principal);
    return principal;
  }

  /** After a revoke: no cached key outlives it in this process. */
  forgetResolved(): void {
    this.resolved.clear();
  }

  private async store(
    key: string,
    role: Role,
    tenantId: string | null,
    name: string | null,
    stores: Pick<Stores, 'keys'> = this.database.stores,
    programId: string | null = null,
  ): Promise<CreatedApiKey> {
    const row = await stores.keys.create({
      prefix: displayPrefix(key),
      hash: hashApiKey(key),
      role,
      tenantId,
      name,
      programId,
    });
    return { id: row.id, key, prefix: row.prefix, role, tenantId, programId, name };
  }
}
