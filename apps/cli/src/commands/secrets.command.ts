import type { Command } from 'commander';
import { Database, NO_SECRETS_KEY, secretCipherFor } from '@lastmile/persistence';
import { openServiceContext } from '../service-context';

/** `lastmile secrets reseal`: after a key rotation, re-seal every stored secret with the new key. */
export function registerSecretsCommand(program: Command): void {
  const secrets = program.command('secrets').description('stored secrets (see docs/security.md)');
  secrets
    .command('reseal')
    .description(
      'seal every stored secret with LASTMILE_SECRETS_KEY (run once after a rotation, with the old key in LASTMILE_SECRETS_KEY_PREVIOUS)',
    )
    .action(async () => {
      const context = await openServiceContext();
      try {
        const cipher = secretCipherFor(context.config);
        if (!cipher) throw new Error(NO_SECRETS_KEY);
        const count = await new Database(context.dataSource, cipher).stores.secrets.reseal();
        console.log(`re-sealed ${count} secret(s) with key ${cipher.currentKeyId}`);
      } finally {
        await context.close();
      }
    });
}
