import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase } from '@lastmile/persistence';
import { Client } from 'pg';
import { lastmileBin } from '../support/paths';
import { runMeasured, type MeasuredRun } from '../support/measured-process';

export interface LastmileRunFigures {
  measured: MeasuredRun;
  /** The executor's own time: runs.finished_at − runs.started_at. */
  executorMs: number;
  status: string;
  done: number;
  /** instance_results rows of the run, counted in the database after the process exited. */
  storedRows: number;
  exactMatch: number | null;
}

interface RunJson {
  run: { id: string; status: string; done: number; startedAt: string; finishedAt: string };
  metrics: { name: string; subgroup: string; value: number | null }[];
}

export function writeEvalConfig(
  dir: string,
  baseUrl: string,
  concurrency: number,
  dataset: string,
): string {
  const path = join(dir, 'eval.yaml');
  const config = {
    model: {
      name: 'bench-model',
      // Each latency has its own fixture server (another port): a version per server, as a kept
      // home refuses one model version with two adapters.
      version: `fixture-${new URL(baseUrl).port}`,
      concurrency,
      adapter: {
        kind: 'openai-chat',
        baseUrl,
        model: 'bench-model',
        limits: { timeoutMs: 30_000 },
      },
    },
    scenario: { kind: 'qa', dataset },
  };
  writeFileSync(path, JSON.stringify(config, null, 2)); // JSON is YAML
  return path;
}

/**
 * `lastmile run -c eval.yaml --json` as a child process, on an embedded database (a fresh
 * LASTMILE_HOME, or one reused) or on DATABASE_URL. Rows are counted afterwards from the same database.
 */
export async function runLastmile(
  configPath: string,
  options: {
    databaseUrl?: string;
    /** An existing LASTMILE_HOME to reuse (kept); without it a fresh one, removed after. */
    home?: string;
    extraNodeArgs?: string[];
    timeoutMs: number;
  },
): Promise<LastmileRunFigures> {
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'lastmile-bench-home-'));
  const env: NodeJS.ProcessEnv = { ...process.env, LASTMILE_HOME: home, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  try {
    const measured = await runMeasured(
      process.execPath,
      [...(options.extraNodeArgs ?? []), lastmileBin(), 'run', '-c', configPath, '--json'],
      {
        env,
        timeoutMs: options.timeoutMs,
      },
    );
    if (measured.code !== 0)
      throw new Error(`lastmile run exited ${measured.code}: ${measured.stderr.slice(-2000)}`);
    const lastLine = measured.stdout.trim().split('\n').pop() ?? '';
    if (!lastLine.startsWith('{'))
      throw new Error(
        `lastmile run exited 0 without a result: stdout ${JSON.stringify(measured.stdout.slice(-500))}, stderr ${measured.stderr.slice(-3000)}`,
      );
    const result = JSON.parse(lastLine) as RunJson;
    const database = options.databaseUrl ? null : await startEmbeddedDatabase(home);
    const client = new Client({ connectionString: options.databaseUrl ?? database!.url });
    await client.connect();
    const rows = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM instance_results WHERE run_id = $1',
      [result.run.id],
    );
    await client.end();
    await database?.stop();
    return {
      measured,
      executorMs: Date.parse(result.run.finishedAt) - Date.parse(result.run.startedAt),
      status: result.run.status,
      done: result.run.done,
      storedRows: rows.rows[0].n,
      exactMatch:
        result.metrics.find((m) => m.name === 'exact_match' && m.subgroup === 'all')?.value ?? null,
    };
  } finally {
    if (!options.home) rmSync(home, { recursive: true, force: true });
  }
}
