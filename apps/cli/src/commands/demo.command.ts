import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { processEnv } from '@lastmile/config';
import { programAvailable } from '@lastmile/scenarios';
import { DemoApiClient } from '../demo/demo-api-client';
import { printConsoleLinks } from '../demo/console-links';
import { heading, say } from '../demo/demo-printer';
import { speechStory } from '../demo/speech-story';
import { textStory } from '../demo/text-story';
import { serve } from './serve.command';

const SPEECH_TOOLS = ['pocketsphinx_continuous', 'espeak-ng', 'sox'];

/** `npm run demo`: the last-mile story end to end on embedded defaults, printed step by step. */
export async function runDemo(options: { keepRunning: boolean }): Promise<void> {
  const given = processEnv();
  const home = resolve(given.LASTMILE_HOME ?? './.lastmile');
  const port = given.PORT ?? String(await freePort());
  const adminKey = given.LASTMILE_ADMIN_KEY ?? `lm_demo_${randomBytes(12).toString('hex')}`;
  const env: NodeJS.ProcessEnv = {
    ...given,
    LASTMILE_HOME: home,
    PORT: port,
    LASTMILE_ADMIN_KEY: adminKey,
    // The service may run local programs only because this operator says so (the speech model).
    LASTMILE_ALLOW_COMMAND_ADAPTERS: 'true',
    LASTMILE_PUBLIC_URL: `http://127.0.0.1:${port}`,
    // The ward's webhook receiver runs on this machine: a tenant's channels reach loopback only
    // because this operator lists it (the default refuses internal addresses for customers).
    LASTMILE_CUSTOMER_URL_ALLOWLIST: '127.0.0.1',
    LOG_LEVEL: given.LOG_LEVEL ?? 'warn',
  };
  heading('Starting Lastmile (API + runner) on embedded defaults');
  const stop = await serve({ api: true, runner: true, env });
  const baseUrl = `http://127.0.0.1:${port}`;
  say(`PostgreSQL under ${home}, queue on the same database, API at ${baseUrl}`);
  const api = new DemoApiClient(baseUrl, adminKey);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  let reportPath: string | null = null;
  try {
    await textStory(api, stamp);
    const missing = SPEECH_TOOLS.filter((tool) => !programAvailable(tool));
    if (missing.length) {
      heading('The speech part needs Debian packages that are not installed');
      say(`missing: ${missing.join(', ')}`);
      say(
        'install them with: sudo apt-get install -y pocketsphinx pocketsphinx-en-us espeak-ng sox',
      );
      say('then run `npm run demo` again for the hospital ward story.');
    } else {
      ({ reportPath } = await speechStory(api, home, stamp));
    }
    heading('Where to look');
    await printConsoleLinks(api, adminKey, 'st-elsewhere');
    say(`API: ${baseUrl}/v1 (admin key ${adminKey}), OpenAPI: ${baseUrl}/docs`);
    if (reportPath) say(`run report: ${reportPath}`);
    say(
      'dashboards: npm run dashboards && LASTMILE_ADMIN_KEY=… docker compose up -d, then http://localhost:3001',
    );
    say(`the data stays under ${home}: LASTMILE_ADMIN_KEY=${adminKey} npm start serves it again`);
    if (options.keepRunning) {
      say(`the service keeps running at ${baseUrl} (console ${baseUrl}/console); Ctrl-C stops it`);
      await new Promise<void>((done) => {
        process.once('SIGINT', () => done());
        process.once('SIGTERM', () => done());
      });
    } else {
      say(
        'run `npm run demo -- --keep-running` to keep the service (and the console) up afterwards',
      );
    }
  } finally {
    await stop();
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('the last-mile story end to end on embedded defaults (a few minutes)')
    .option('--keep-running', 'keep the service up afterwards')
    .action(async (options: { keepRunning?: boolean }) => {
      await runDemo({ keepRunning: options.keepRunning ?? false });
    });
}
