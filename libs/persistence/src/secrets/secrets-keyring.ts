import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSecretsKey } from '@lastmile/config';
import { SecretCipher, secretsKey } from './secret-cipher';

export interface SecretsKeySettings {
  LASTMILE_SECRETS_KEY?: string;
  LASTMILE_SECRETS_KEY_PREVIOUS?: string;
  DATABASE_URL?: string;
  LASTMILE_HOME: string;
}

/** Why secrets cannot be stored or opened on this server, for a 503 and for /health. */
export const NO_SECRETS_KEY =
  'LASTMILE_SECRETS_KEY is not set: with an external DATABASE_URL every replica must share one key (see docs/security.md)';

/**
 * The cipher for stored secrets. The key comes from LASTMILE_SECRETS_KEY; only on embedded
 * defaults (no DATABASE_URL: one process, one data directory) is a key file made under
 * LASTMILE_HOME, readable by its owner alone. Null when secrets cannot be used.
 */
export function secretCipherFor(settings: SecretsKeySettings): SecretCipher | null {
  const previous = settings.LASTMILE_SECRETS_KEY_PREVIOUS
    ? [secretsKey(decodeSecretsKey(settings.LASTMILE_SECRETS_KEY_PREVIOUS)!)]
    : [];
  if (settings.LASTMILE_SECRETS_KEY)
    return new SecretCipher(secretsKey(decodeSecretsKey(settings.LASTMILE_SECRETS_KEY)!), previous);
  if (settings.DATABASE_URL) return null;
  return new SecretCipher(secretsKey(embeddedKey(settings.LASTMILE_HOME)), previous);
}

function embeddedKey(home: string): Buffer {
  const path = join(home, 'secrets.key');
  if (!existsSync(path)) {
    mkdirSync(home, { recursive: true });
    try {
      writeFileSync(path, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process of the same home made it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  chmodSync(path, 0o600);
  const key = decodeSecretsKey(readFileSync(path, 'utf8'));
  if (!key) throw new Error(`${path} does not hold a 32-byte base64 key`);
  return key;
}
