import { writeFileSync } from 'node:fs';
import type * as CliProgress from 'cli-progress';
import { ConfigError } from '@lastmile/config';
import type { DriftFinding } from '@lastmile/monitoring';
import { AdapterPool, RunExecutor } from '@lastmile/evaluation';
import { Database, type EmbeddedDatabase, type Stores } from '@lastmile/persistence';
import { loadRunReportData, renderRunReport } from '@lastmile/reports';
import { gateAgainstBaseline, readBaselineFile } from './baseline-gate';
import { ConfigFileError, loadEvalConfig } from './eval-config';
import { collectResult, selectedMetrics } from './evaluation-result';
import { junitReport } from './junit-report';
import { prepareEvaluation, registerEvaluation } from './register-evaluation';
import { formatSummary } from './summary-table';
import { openServiceContext } from '../service-context';
import { version } from '../version';

export interface RunOptions {
  config: string;
  json?: boolean;
  out?: string;
  baseline?: string;
  junit?: string;
  report?: string;
}

/**
 * Exit codes: 0 fine, 1 a regression against --baseline (or a failed run), 2 bad configuration or
 * input. `database`, when given, was started early (see run.command.ts) and is used or stopped here.
 */
export async function runCommand(
  options: RunOptions,
  database?: Promise<EmbeddedDatabase>,
): Promise<number> {
  const refuse = async (message: string) => {
    console.error(`error: ${message}`);
    await database?.then((started) => started.stop()).catch(() => undefined);
    return 2;
  };
  let config;
  let prepared;
  try {
    config = loadEvalConfig(options.config);
    // The whole configuration is checked before the database is used (or, on a new home, started).
    prepared = await prepareEvaluation(config);
  } catch (error) {
    return refuse((error as Error).message);
  }
  const baseline = options.baseline ? safe(() => readBaselineFile(options.baseline!)) : undefined;
  if (baseline instanceof Error) return refuse(baseline.message);
  const context = await openServiceContext(undefined, database);
  const adapters = new AdapterPool({
    allowCommand: true,
    urlAllowlist: context.config.LASTMILE_URL_ALLOWLIST,
  });
  const db = new Database(context.dataSource);
  try {
    const evaluation = await registerEvaluation(db, prepared, options.config);
    const executor = new RunExecutor(db, adapters, { harnessVersion: version });
    const stopProgress = showProgress(
      db.stores,
      evaluation.run.id,
      !options.json && process.stderr.isTTY === true,
    );
    try {
      await executor.execute(evaluation.run.id);
    } finally {
      await stopProgress();
    }
    const result = await collectResult(db.stores, evaluation, config.scenario.metrics);
    let findings: DriftFinding[] | null = null;
    if (baseline && result.run.status !== 'failed') {
      const metrics = selectedMetrics(
        evaluation.kind.metrics(evaluation.scenarioConfig),
        config.scenario.metrics,
      );
      findings = gateAgainstBaseline(metrics, baseline, result, {
        ...config.gate,
        seed: config.seed,
      });
    }
    const output = findings ? { ...result, comparison: findings } : result;
    if (options.out) writeFileSync(options.out, JSON.stringify(output, null, 2));
    if (options.junit) writeFileSync(options.junit, junitReport(result, findings));
    if (options.report) {
      const data = await loadRunReportData(db.stores, result.run.id);
      if (data) writeFileSync(options.report, renderRunReport(data));
    }
    console.log(options.json ? JSON.stringify(output) : formatSummary(result, findings));
    if (result.run.status === 'failed') return 1;
    return findings?.some((f) => f.verdict === 'worse') ? 1 : 0;
  } catch (error) {
    if (error instanceof ConfigFileError || error instanceof ConfigError) {
      console.error(`error: ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    await adapters.close();
    await context.close();
  }
}

function safe<T>(read: () => T): T | Error {
  try {
    return read();
  } catch (error) {
    return error as Error;
  }
}

/** A progress bar on a terminal, fed from the run's stored counters (what the API shows too). */
function showProgress(stores: Stores, runId: string, enabled: boolean): () => Promise<void> {
  if (!enabled) return async () => undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SingleBar, Presets } = require('cli-progress') as typeof CliProgress;
  const bar = new SingleBar(
    {
      format: 'evaluating [{bar}] {value}/{total} ({errors} errors) {eta_formatted}',
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
  bar.start(1, 0, { errors: 0 });
  const timer = setInterval(async () => {
    const run = await stores.runs.find(runId).catch(() => null);
    if (run) {
      bar.setTotal(Math.max(run.total, 1));
      bar.update(run.done, { errors: run.errors });
    }
  }, 250);
  return async () => {
    clearInterval(timer);
    bar.stop();
  };
}
