import { accessSync, constants } from 'node:fs';
import type { Command } from 'commander';
import { databaseSettings } from '@lastmile/config/database';
import { embeddedHomeInitialised } from '@lastmile/persistence/database';
import { startDatabaseEarly } from '../run/early-database';
import type * as RunEvaluation from '../run/run-evaluation';
import { processEnv } from '@lastmile/config/process-env';

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description(
      'run one evaluation from a config file (exit 1 on a regression against --baseline)',
    )
    .requiredOption('-c, --config <file>', 'evaluation config (YAML)')
    .option('--json', 'print the result as one JSON object')
    .option('--out <file>', 'write the result (with per-item stats) to a file')
    .option('--baseline <file>', 'a previous --out file to compare with')
    .option('--junit <file>', 'write a JUnit XML report')
    .option('--report <file>', 'write the run report as a self-contained HTML page')
    .action(async (options: RunEvaluation.RunOptions) => {
      // An initialised embedded home starts first, so the server's start-up (a child process)
      // overlaps the loading of the evaluation code (~0.4 s of a 2 s run) and is stopped at once
      // if the configuration is refused. A new home's initdb (seconds) waits until the
      // configuration has been checked: a typo exits 2 at once.
      const settings = databaseSettings(processEnv());
      const startEarly =
        readable(options.config) && (settings.DATABASE_URL || embeddedHomeInitialised(settings));
      const early = startEarly ? startDatabaseEarly() : undefined;
      await early?.spawned;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runCommand } = require('../run/run-evaluation') as typeof RunEvaluation;
      process.exitCode = await runCommand(options, early?.database);
    });
}

function readable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}
