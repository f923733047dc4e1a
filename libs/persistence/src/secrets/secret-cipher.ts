import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface SecretsKey {
  /** First 8 hex characters of the key's sha256: stored beside each secret, never the key. */
  id: string;
  key: Buffer;
}

export function secretsKey(key: Buffer): SecretsKey {
  if (key.length !== 32) throw new Error('a secrets key is 32 bytes');
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 8), key };
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM with a random IV per secret. The secret's scope and name are authenticated data:
 * a sealed value copied onto another tenant's row (or renamed) no longer opens.
 */
export class SecretCipher {
  private readonly byId: Map<string, SecretsKey>;

  constructor(
    private readonly current: SecretsKey,
    previous: SecretsKey[] = [],
  ) {
    this.byId = new Map([...previous, current].map((k) => [k.id, k]));
  }

  get currentKeyId(): string {
    return this.current.id;
  }

  seal(value: string, context: string): { sealed: Buffer; keyId: string } {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return { sealed: Buffer.concat([iv, cipher.getAuthTag(), body]), keyId: this.current.id };
  }

  open(sealed: Buffer, keyId: string, context: string): string {
    const key = this.byId.get(keyId);
    if (!key)
      throw new Error(
        `the secret was sealed with key ${keyId}, which is neither LASTMILE_SECRETS_KEY nor LASTMILE_SECRETS_KEY_PREVIOUS`,
      );
    const decipher = createDecipheriv('aes-256-gcm', key.key, sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }
}
