import 'reflect-metadata';
import { Command } from 'commander';
import { ConfigError } from '@lastmile/config';
import { registerDashboardsCommand } from './commands/dashboards.command';
import { registerDemoCommand } from './commands/demo.command';
import { registerKeysCommand } from './commands/keys.command';
import { registerMigrateCommand } from './commands/migrate.command';
import { registerRunCommand } from './commands/run.command';
import { registerScoreCommand } from './commands/score.command';
import { registerServeCommand } from './commands/serve.command';
import { version } from './version';

const program = new Command()
  .name('lastmile')
  .description('Continuous model evaluation with last-mile monitoring')
  .version(version);

registerServeCommand(program);
registerMigrateCommand(program);
registerKeysCommand(program);
registerRunCommand(program);
registerScoreCommand(program);
registerDashboardsCommand(program);
registerDemoCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(
    `error: ${error instanceof ConfigError ? error.message : ((error as Error)?.message ?? String(error))}`,
  );
  process.exit(error instanceof ConfigError ? 2 : 1);
});
