import { InvalidArgumentError, type Command } from 'commander';
import {
  Database,
  displayPrefix,
  generateApiKey,
  hashApiKey,
  ROLES,
  type Role,
} from '@lastmile/persistence';
import { openServiceContext } from '../service-context';

function parseRole(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`must be one of ${ROLES.join(', ')}`);
  }
  return value as Role;
}

export function registerKeysCommand(program: Command): void {
  const keys = program.command('keys').description('manage API keys');
  keys
    .command('create')
    .description('create an API key and print it once (it is stored hashed)')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`, parseRole)
    .option('--tenant <slug>', 'tenant slug or id (customer keys; reviewer keys optionally)')
    .option('--name <name>', 'a label for the key')
    .option('--program <id>', 'bias-bounty program id (researcher keys only)')
    .action(async (options: { role: Role; tenant?: string; name?: string; program?: string }) => {
      if (
        options.role !== 'reviewer' &&
        (options.role === 'customer') !== Boolean(options.tenant)
      ) {
        console.error(
          'error: a customer key needs --tenant, and only customer and reviewer keys take one',
        );
        process.exitCode = 2;
        return;
      }
      if ((options.role === 'researcher') !== Boolean(options.program)) {
        console.error(
          'error: a researcher key needs --program, and only a researcher key takes one',
        );
        process.exitCode = 2;
        return;
      }
      const context = await openServiceContext();
      try {
        const { stores } = new Database(context.dataSource);
        let tenantId: string | null = null;
        if (options.tenant) {
          const tenant = await stores.tenants.find(options.tenant);
          if (!tenant) {
            console.error(`error: tenant ${options.tenant} does not exist`);
            process.exitCode = 2;
            return;
          }
          tenantId = tenant.id;
        }
        if (options.program && !(await stores.bounties.findProgram(options.program))) {
          console.error(`error: bounty program ${options.program} does not exist`);
          process.exitCode = 2;
          return;
        }
        const key = generateApiKey();
        await stores.keys.create({
          prefix: displayPrefix(key),
          hash: hashApiKey(key),
          role: options.role,
          tenantId,
          name: options.name ?? null,
          programId: options.program ?? null,
        });
        console.log(key);
      } finally {
        await context.close();
      }
    });
}
