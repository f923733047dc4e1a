import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resultsDir } from '../support/paths';
import { runMeasured, type MeasuredRun } from '../support/measured-process';
import { QA_PROMPT, type QaItem } from '../support/qa-items';

// The last promptfoo release for Node 20; installed beside the results, never a project dependency.
export const PROMPTFOO_VERSION = '0.121.20';

export interface PromptfooRunFigures {
  measured: MeasuredRun;
  results: number;
  passed: number;
  errors: number;
}

interface PromptfooOutput {
  results: { results: unknown[]; stats: { successes: number; failures: number; errors: number } };
}

/** Installs promptfoo once into bench/results/.cache (git-ignored) and returns its entry point. */
export function ensurePromptfoo(): string {
  const dir = resultsDir('.cache', `promptfoo-${PROMPTFOO_VERSION}`);
  const entry = join(dir, 'node_modules', 'promptfoo', 'dist', 'src', 'entrypoint.js');
  if (!existsSync(entry)) {
    console.error(`installing promptfoo@${PROMPTFOO_VERSION} into ${dir} (once)…`);
    if (!existsSync(join(dir, 'package.json')))
      writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
    execFileSync(
      'npm',
      ['install', '--prefix', dir, '--no-audit', '--no-fund', `promptfoo@${PROMPTFOO_VERSION}`],
      { stdio: 'inherit' },
    );
  }
  return entry;
}

/** The same prompt, decoding parameters, items and an equivalent check (answer equals the reference). */
export function writePromptfooConfig(dir: string, baseUrl: string, items: QaItem[]): string {
  const path = join(dir, 'promptfooconfig.json');
  const config = {
    description: 'lastmile throughput comparison',
    prompts: [QA_PROMPT.replace('{question}', '{{question}}')],
    providers: [
      {
        id: 'openai:chat:bench-model',
        config: { apiBaseUrl: baseUrl, apiKey: 'not-a-key', temperature: 0, max_tokens: 32 },
      },
    ],
    tests: items.map((item) => ({
      vars: { question: item.input, reference: item.references[0] },
      assert: [{ type: 'equals', value: item.references[0] }],
    })),
  };
  writeFileSync(path, JSON.stringify(config));
  return path;
}

/** `promptfoo eval -j <concurrency> --no-cache` with telemetry, updates and sharing off; results still written to its database, as lastmile writes to its own. */
export async function runPromptfoo(
  entry: string,
  configPath: string,
  concurrency: number,
  timeoutMs: number,
): Promise<PromptfooRunFigures> {
  const home = mkdtempSync(join(tmpdir(), 'lastmile-bench-promptfoo-'));
  const output = join(home, 'out.json');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PROMPTFOO_CONFIG_DIR: home,
    PROMPTFOO_DISABLE_TELEMETRY: '1',
    PROMPTFOO_DISABLE_UPDATE: '1',
    PROMPTFOO_DISABLE_SHARING: '1',
    PROMPTFOO_DISABLE_REMOTE_GENERATION: '1',
    PROMPTFOO_DISABLE_REDTEAM_REMOTE_GENERATION: '1',
    // Its file loggers crash on a write after close at exit; logs are not part of the comparison.
    PROMPTFOO_DISABLE_ERROR_LOG: '1',
    PROMPTFOO_DISABLE_DEBUG_LOG: '1',
    OPENAI_API_KEY: 'not-a-key',
  };
  try {
    const measured = await runMeasured(
      process.execPath,
      [
        entry,
        'eval',
        '-c',
        configPath,
        '-j',
        String(concurrency),
        '--no-cache',
        '--no-table',
        '--no-progress-bar',
        '--no-share',
        '-o',
        output,
      ],
      { env, cwd: home, timeoutMs },
    );
    if (!existsSync(output))
      throw new Error(
        `promptfoo wrote no results (exit ${measured.code}): ${measured.stderr.slice(-2000)}`,
      );
    const parsed = JSON.parse(readFileSync(output, 'utf8')) as PromptfooOutput;
    const { results, stats } = parsed.results;
    return { measured, results: results.length, passed: stats.successes, errors: stats.errors };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
