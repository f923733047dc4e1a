import type { EntityManager } from 'typeorm';
import type { SecretCipher } from './secret-cipher';
import { NO_SECRETS_KEY } from './secrets-keyring';

/** What anyone may see of a secret: its name and dates, never its value. */
export interface SecretListing {
  name: string;
  createdAt: Date;
  rotatedAt: Date;
}

/** Thrown when the server has no key to seal or open secrets with. */
export class SecretsUnavailable extends Error {
  constructor() {
    super(NO_SECRETS_KEY);
  }
}

/** null = the operator's own secrets (channels of plans without a tenant). */
export type SecretOwner = string | null;

const LISTING = `name, created_at AS "createdAt", rotated_at AS "rotatedAt"`;

function conflictTarget(owner: SecretOwner): string {
  return owner === null
    ? '(name) WHERE tenant_id IS NULL'
    : '(tenant_id, name) WHERE tenant_id IS NOT NULL';
}

function ownerFilter(owner: SecretOwner, parameter: number): string {
  return owner === null ? 'tenant_id IS NULL' : `tenant_id = $${parameter}`;
}

/** Authenticated data of a sealed secret: it opens only under its own owner and name. */
function sealContext(owner: SecretOwner, name: string): string {
  return `${owner ?? 'operator'}/${name}`;
}

/** The secrets table: sealed on the way in, listed by name, opened only for a delivery. */
export class SecretsStore {
  constructor(
    private readonly db: EntityManager,
    private readonly cipher: SecretCipher | null,
  ) {}

  get available(): boolean {
    return this.cipher !== null;
  }

  /** Creates or replaces (rotates) a secret; `created` tells which. */
  async put(
    owner: SecretOwner,
    name: string,
    value: string,
  ): Promise<SecretListing & { id: string; created: boolean }> {
    const { sealed, keyId } = this.requireCipher().seal(value, sealContext(owner, name));
    const rows: (SecretListing & { id: string; created: boolean })[] = await this.db.query(
      `INSERT INTO secrets (tenant_id, name, sealed, key_id, rotated_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT ${conflictTarget(owner)}
       DO UPDATE SET sealed = EXCLUDED.sealed, key_id = EXCLUDED.key_id, rotated_at = now()
       RETURNING id, ${LISTING}, (xmax = 0) AS created`,
      [owner, name, sealed, keyId],
    );
    return rows[0];
  }

  list(owner: SecretOwner): Promise<SecretListing[]> {
    return this.db.query(
      `SELECT ${LISTING} FROM secrets WHERE ${ownerFilter(owner, 1)} ORDER BY name`,
      owner === null ? [] : [owner],
    );
  }

  /** The names of `names` that exist for the owner. */
  async existing(owner: SecretOwner, names: readonly string[]): Promise<Set<string>> {
    if (names.length === 0) return new Set();
    const parameters = owner === null ? [names] : [names, owner];
    const rows: { name: string }[] = await this.db.query(
      `SELECT name FROM secrets WHERE name = ANY($1) AND ${ownerFilter(owner, 2)}`,
      parameters,
    );
    return new Set(rows.map((row) => row.name));
  }

  /** The removed secret's id, or null when there was none. */
  async remove(owner: SecretOwner, name: string): Promise<string | null> {
    // TypeORM returns [rows, rowCount] for a DELETE … RETURNING.
    const [rows]: [{ id: string }[], number] = await this.db.query(
      `DELETE FROM secrets WHERE name = $1 AND ${ownerFilter(owner, 2)} RETURNING id`,
      owner === null ? [name] : [name, owner],
    );
    return rows[0]?.id ?? null;
  }

  /** The plain value, for a delivery about to use it; null when there is no such secret. */
  async reveal(owner: SecretOwner, name: string): Promise<string | null> {
    const rows: { sealed: Buffer; keyId: string }[] = await this.db.query(
      `SELECT sealed, key_id AS "keyId" FROM secrets WHERE name = $1 AND ${ownerFilter(owner, 2)}`,
      owner === null ? [name] : [name, owner],
    );
    if (rows.length === 0) return null;
    return this.requireCipher().open(rows[0].sealed, rows[0].keyId, sealContext(owner, name));
  }

  /** Re-seals every secret not under the current key (after a key rotation); returns how many. */
  async reseal(): Promise<number> {
    const cipher = this.requireCipher();
    const rows: {
      id: string;
      tenantId: SecretOwner;
      name: string;
      sealed: Buffer;
      keyId: string;
    }[] = await this.db.query(
      `SELECT id, tenant_id AS "tenantId", name, sealed, key_id AS "keyId" FROM secrets WHERE key_id <> $1`,
      [cipher.currentKeyId],
    );
    for (const row of rows) {
      const context = sealContext(row.tenantId, row.name);
      const { sealed, keyId } = cipher.seal(cipher.open(row.sealed, row.keyId, context), context);
      await this.db.query(
        'UPDATE secrets SET sealed = $2, key_id = $3 WHERE id = $1 AND key_id = $4',
        [row.id, sealed, keyId, row.keyId],
      );
    }
    return rows.length;
  }

  private requireCipher(): SecretCipher {
    if (!this.cipher) throw new SecretsUnavailable();
    return this.cipher;
  }
}
