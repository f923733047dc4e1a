import { resolve } from 'node:path';
import type { Command } from 'commander';
import { generateDashboards } from '../../../../dashboards/src';

export function registerDashboardsCommand(program: Command): void {
  program
    .command('dashboards')
    .description('generate Grafana dashboards and provisioning files (docker-compose mounts them)')
    .option('--out <dir>', 'output directory', 'dashboards/generated')
    .action(async (options: { out: string }) => {
      const files = await generateDashboards(resolve(options.out));
      for (const file of files) console.log(file);
    });
}
