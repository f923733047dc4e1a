import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startTestPostgres } from './support/postgres-server';

// Node 20's test runner has no global setup: this wrapper starts one real PostgreSQL server
// for the whole session; each spec file creates its own database on it (test/support/database.ts).

const distRoot = join(__dirname, '..');

function findSpecs(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) findSpecs(path, out);
    else if (/\.(e2e-)?spec\.js$/.test(name)) out.push(path);
  }
  return out;
}

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const specs = findSpecs(distRoot)
    .filter((path) => !path.includes(`${join('dist', 'bench')}`))
    .filter((path) => filters.length === 0 || filters.some((f) => path.includes(f)))
    .sort();
  if (specs.length === 0) throw new Error(`no spec files match ${filters.join(' ')}`);
  const postgres = process.env.LASTMILE_TEST_DATABASE_URL ? undefined : await startTestPostgres();
  const env = {
    ...process.env,
    LASTMILE_TEST_DATABASE_URL: process.env.LASTMILE_TEST_DATABASE_URL ?? postgres!.url,
  };
  const concurrency = process.env.LASTMILE_TEST_CONCURRENCY ?? '2';
  console.log(`running ${specs.length} spec files (concurrency ${concurrency})`);
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--test',
      `--test-concurrency=${concurrency}`,
      ...specs.map((s) => relative(process.cwd(), s)),
    ],
    { stdio: 'inherit', env },
  );
  const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  await postgres?.stop();
  process.exit(code);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
