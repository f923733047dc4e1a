import type { Command } from 'commander';
import { appliedMigrations } from '@lastmile/persistence';
import { openServiceContext } from '../service-context';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations and exit')
    .action(async () => {
      const context = await openServiceContext();
      const names = await appliedMigrations(context.dataSource);
      console.log(`database is at migration ${names.at(-1) ?? '(none)'} (${names.length} applied)`);
      await context.close();
    });
}
