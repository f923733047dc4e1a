import 'reflect-metadata';
import { Command } from 'commander';
import { ConfigError } from '@lastmile/config/error';
import { version } from './version';

type Register = (program: Command) => void;

/*
 * Each command's module is required only when that command runs: `lastmile run` then loads no
 * Nest, Express, Swagger or Grafana SDK (about a second of start-up). `lastmile --help` loads all.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const COMMANDS: Record<string, () => Register> = {
  serve: () => require('./commands/serve.command').registerServeCommand,
  migrate: () => require('./commands/migrate.command').registerMigrateCommand,
  keys: () => require('./commands/keys.command').registerKeysCommand,
  secrets: () => require('./commands/secrets.command').registerSecretsCommand,
  run: () => require('./commands/run.command').registerRunCommand,
  score: () => require('./commands/score.command').registerScoreCommand,
  dashboards: () => require('./commands/dashboards.command').registerDashboardsCommand,
  demo: () => require('./commands/demo.command').registerDemoCommand,
  card: () => require('./commands/card.command').registerCardCommand,
};
/* eslint-enable @typescript-eslint/no-require-imports */

const program = new Command()
  .name('lastmile')
  .description('Continuous model evaluation with last-mile monitoring')
  .version(version);

const invoked = process.argv[2];
const wanted = invoked && invoked in COMMANDS ? [invoked] : Object.keys(COMMANDS);
for (const name of wanted) COMMANDS[name]()(program);

let finished = false;
program
  .parseAsync(process.argv)
  .then(() => {
    finished = true;
  })
  .catch((error: unknown) => {
    console.error(
      `error: ${error instanceof ConfigError ? error.message : ((error as Error)?.message ?? String(error))}`,
    );
    process.exit(error instanceof ConfigError ? 2 : 1);
  });

// Node exits 0 when nothing is left to wait for, even with the command's promise pending: never
// let that pass as success (CI would read a silent, output-less exit 0 as a passing evaluation).
process.on('exit', (code) => {
  if (finished || code !== 0) return;
  console.error('error: lastmile stopped before the command finished (an operation was dropped)');
  process.exitCode = 1;
});
