import { setMaxListeners } from 'node:events';
import { AdapterConfigError } from '@lastmile/adapters';
import {
  isFinishedRun,
  QUOTA_EXCEEDED,
  quotaRefusal,
  resultKey,
  type Database,
  type Run,
  type TenantQuota,
} from '@lastmile/persistence';
import type { ScenarioContext } from '@lastmile/scenarios';
import { logger, runDuration } from '@lastmile/telemetry';
import type { AdapterPool } from './adapter-pool';
import { evaluateInstance, type EvaluatorSettings } from './instance-evaluator';
import { sampledCount, streamSliceItems } from './item-stream';
import { loadRunPlan } from './load-run-plan';
import { writeRunMetrics } from './metric-writer';
import { buildProvenance } from './provenance';
import { ResultWriter } from './result-writer';
import { RunInterrupted } from './run-control';
import type { RunPlan } from './run-plan';
import { resolveScenarioContext, scorerCallsPerInstance } from './scenario-context';

const NOTHING_STORED: ReadonlySet<string> = new Set();

export interface RunOutcome {
  runId: string;
  status: Run['status'];
}

/** Told once a run has ended; `plan` is null for a run that failed before it could be planned. */
export type RunFinishedListener = (run: Run, plan: RunPlan | null) => Promise<void>;

export interface RunExecutorOptions {
  listeners?: RunFinishedListener[];
  harnessVersion?: string;
  /** Caps on a tenant's runs and model calls per hour; absent (the CLI) for none. */
  quota?: TenantQuota | null;
}

/**
 * Executes one run to the end, resuming from whatever an earlier attempt stored: items whose
 * results exist are skipped, the rest are called, scored and written in batches.
 */
export class RunExecutor {
  private readonly listeners: RunFinishedListener[];
  private readonly harnessVersion: string;

  constructor(
    private readonly database: Database,
    private readonly adapters: AdapterPool,
    private readonly options: RunExecutorOptions = {},
  ) {
    this.listeners = options.listeners ?? [];
    this.harnessVersion = options.harnessVersion ?? 'dev';
  }

  async execute(
    runId: string,
    shutdown: AbortSignal = new AbortController().signal,
  ): Promise<RunOutcome> {
    const plan = await loadRunPlan(this.database, runId);
    if (!plan) throw new Error(`run ${runId} does not exist`);
    const { run } = plan;
    if (isFinishedRun(run.status)) return { runId, status: run.status };
    if (run.cancelRequested) return this.finish(plan, 'cancelled', null);

    const started = Date.now();
    const total =
      plan.slices.reduce((sum, slice) => sum + sampledCount(slice.itemCount, plan.sampleSize), 0) *
      plan.kind.samplesPerItem(plan.config);
    // Judges and paraphrasers call models too: the tenant's quota counts their calls.
    const modelCalls = total * (1 + scorerCallsPerInstance(plan.config));
    const refusal = await this.quotaRefusal(run, modelCalls);
    if (refusal)
      return this.finish(plan, 'failed', {
        reason: `run refused: ${refusal}`,
        code: QUOTA_EXCEEDED,
      });
    // A scorer the config names but this server cannot build (a judge URL outside the allow-list,
    // its key not set) fails the run with the reason at once: retrying would not fix it.
    let scoring: ReturnType<typeof resolveScenarioContext>;
    try {
      scoring = resolveScenarioContext(plan, this.adapters.scorerOptions);
    } catch (error) {
      if (!(error instanceof AdapterConfigError)) throw error;
      return this.finish(plan, 'failed', {
        reason: `the scenario's scorer cannot be built: ${error.message}`,
        code: 'scorer_config',
      });
    }
    let storedBefore: number;
    try {
      ({ storedBefore } = await this.database.stores.runs.start(runId, total, {
        ...buildProvenance(plan, this.harnessVersion),
        modelCalls,
      }));
    } catch (error) {
      await scoring.close();
      throw error;
    }
    const resuming = storedBefore > 0;
    logger().info(
      { runId, total, slices: plan.slices.length, resuming, storedBefore },
      'run started',
    );

    try {
      await this.evaluateAll(plan, shutdown, resuming, scoring);
    } catch (error) {
      if (error instanceof RunInterrupted && error.reason === 'cancelled')
        return this.finish(plan, 'cancelled', null);
      throw error;
    }
    const outcome = await this.conclude(plan);
    runDuration.observe(
      { status: outcome.status, scenario: plan.kind.kind },
      (Date.now() - started) / 1000,
    );
    return outcome;
  }

  /** A tenant's first start of a run is held to its hourly caps (a resumed run was already). */
  private async quotaRefusal(run: Run, modelCalls: number): Promise<string | null> {
    const quota = this.options.quota;
    if (!quota || !run.tenantId || run.status !== 'queued') return null;
    const usage = await this.database.stores.runs.tenantUsageLastHour(run.tenantId, run.id);
    return quotaRefusal(usage, quota, modelCalls);
  }

  /** `resuming`: an earlier attempt stored results, which are looked up page by page and skipped. */
  private async evaluateAll(
    plan: RunPlan,
    shutdown: AbortSignal,
    resuming: boolean,
    scoring: ReturnType<typeof resolveScenarioContext>,
  ): Promise<void> {
    const { run } = plan;
    const { runs, results } = this.database.stores;
    const cancel = new AbortController();
    const abortOnShutdown = () => cancel.abort();
    shutdown.addEventListener('abort', abortOnShutdown);
    const writer = new ResultWriter(results, ({ done, errors }) =>
      runs.addProgress(run.id, done, errors),
    );
    const context: ScenarioContext = scoring.context;
    const samples = plan.kind.samplesPerItem(plan.config);
    const adapter = this.adapters.get(plan.model);
    const maxInFlight = Math.max(
      8,
      2 *
        Number(
          (plan.model.adapter as { limits?: { concurrency?: number } }).limits?.concurrency ?? 8,
        ),
    );
    // Every call in flight listens on this signal (a few listeners each, removed when it ends).
    setMaxListeners(4 * maxInFlight, cancel.signal);
    try {
      for (const slice of plan.slices) {
        const settings: EvaluatorSettings = {
          runId: run.id,
          sliceId: slice.id,
          modelLabel: `${plan.model.name}@${plan.model.version}`,
          kind: plan.kind,
          config: plan.config,
          adapter,
          adapterHash: plan.model.adapterHash,
          context,
          cache: plan.cacheResponses ? results : null,
          signal: cancel.signal,
        };
        const inFlight = new Set<Promise<void>>();
        for await (const page of streamSliceItems(
          this.database.stores.slices,
          slice.id,
          slice.itemCount,
          {
            size: plan.sampleSize,
            seed: plan.seed,
          },
          slice.alternates ?? null,
        )) {
          await this.checkInterrupted(run.id, shutdown, cancel);
          const stored = resuming
            ? await results.existingKeys(
                run.id,
                slice.id,
                page.map((item) => item.id),
              )
            : NOTHING_STORED;
          for (const item of page) {
            for (let sample = 0; sample < samples; sample++) {
              if (stored.has(resultKey(item.id, sample))) continue;
              // The adapter enforces the model's concurrency and rate limits; this bound only keeps memory flat.
              while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
              if (cancel.signal.aborted) break;
              const task: Promise<void> = evaluateInstance(settings, item, sample)
                .then((row) =>
                  cancel.signal.aborted && row.error?.code === 'aborted'
                    ? undefined
                    : writer.add(row),
                )
                .finally(() => inFlight.delete(task));
              inFlight.add(task);
            }
          }
        }
        await Promise.all(inFlight);
      }
    } finally {
      shutdown.removeEventListener('abort', abortOnShutdown);
      await writer.flush();
      await scoring.close();
    }
    await this.checkInterrupted(run.id, shutdown, cancel);
  }

  /**
   * A run whose job failed for good (e.g. a stored config its scenario kind refuses): failed with
   * the reason and the listeners told, so it raises a health alert instead of staying "running".
   */
  async failUnexecutable(runId: string, reason: string): Promise<void> {
    if (!(await this.database.stores.runs.failUnfinished(runId, reason))) return;
    await this.announce(runId, await loadRunPlan(this.database, runId).catch(() => null));
  }

  private async checkInterrupted(
    runId: string,
    shutdown: AbortSignal,
    cancel: AbortController,
  ): Promise<void> {
    if (shutdown.aborted) throw new RunInterrupted('shutdown');
    if (await this.database.stores.runs.isCancelRequested(runId)) {
      cancel.abort();
      throw new RunInterrupted('cancelled');
    }
  }

  /** succeeded, partial (some errors: metrics over the rest) or failed (nothing succeeded: no metrics). */
  private async conclude(plan: RunPlan): Promise<RunOutcome> {
    const { done, errors, byCode } = await this.database.stores.runs.resultCounts(plan.run.id);
    if (done === 0 || errors === done) {
      const reason =
        done === 0
          ? 'the run had no items to evaluate'
          : `every model call failed (${describeCodes(byCode)})`;
      return this.finish(plan, 'failed', { reason, errorsByCode: byCode ?? {} });
    }
    await writeRunMetrics(this.database.stores, plan);
    return this.finish(
      plan,
      errors > 0 ? 'partial' : 'succeeded',
      errors > 0 ? { errorsByCode: byCode ?? {} } : null,
    );
  }

  private async finish(
    plan: RunPlan,
    status: Run['status'],
    errorSummary: Record<string, unknown> | null,
  ): Promise<RunOutcome> {
    await this.database.stores.runs.finish(plan.run.id, status, errorSummary);
    await this.announce(plan.run.id, plan);
    return { runId: plan.run.id, status };
  }

  /** The stored end of a run, logged and told to the listeners (drift monitoring, health alerts). */
  private async announce(runId: string, plan: RunPlan | null): Promise<void> {
    const run = await this.database.stores.runs.find(runId);
    if (!run) return;
    logger().info(
      { runId, status: run.status, done: run.done, errors: run.errors },
      'run finished',
    );
    // Nothing monitors a run without listeners (`lastmile run`): say so rather than 'pending'.
    if (this.listeners.length === 0)
      await this.database.stores.runs.setMonitoring(runId, { status: 'skipped' });
    for (const listener of this.listeners) await listener(run, plan);
  }
}

function describeCodes(byCode: Record<string, number> | null): string {
  return Object.entries(byCode ?? {})
    .map(([code, n]) => `${n} × ${code}`)
    .join(', ');
}
