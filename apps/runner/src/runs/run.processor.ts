import { createHash } from 'node:crypto';
import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { UnrecoverableError, WaitingError, type Job, type Queue } from 'bullmq';
import type { AppConfig } from '@lastmile/config';
import { RunExecutor, RunInterrupted, type RunOutcome } from '@lastmile/evaluation';
import { Database } from '@lastmile/persistence';
import {
  JOB_EXECUTE_RUN,
  JOB_SCHEDULED_RUN,
  RUNS_QUEUE,
  type ExecuteRunJob,
  type ScheduledRunJob,
} from '@lastmile/queue';
import { logger } from '@lastmile/telemetry';
import { JobLockWatch } from './job-lock-watch';
import { JobLockLost, retryThroughOutages } from './outage-retry';
import { RUNNER_CONFIG } from '../runner.tokens';

/**
 * The runs queue's worker options, from the validated configuration. Applied to the processor's
 * metadata when the runner module is built (a decorator's arguments are fixed at import time).
 */
export function configureRunWorker(config: AppConfig): void {
  Processor(RUNS_QUEUE, {
    concurrency: config.LASTMILE_RUNNER_CONCURRENCY,
    // A killed worker's job is picked up again once its lock expires; resuming is safe, so allow many.
    lockDuration: config.LASTMILE_JOB_LOCK_MS,
    stalledInterval: config.LASTMILE_JOB_LOCK_MS,
    maxStalledCount: config.LASTMILE_MAX_STALLS,
  })(RunProcessor);
}

@Processor(RUNS_QUEUE)
export class RunProcessor extends WorkerHost implements BeforeApplicationShutdown, OnModuleInit {
  private readonly shutdown = new AbortController();
  private readonly locks = new JobLockWatch();

  constructor(
    private readonly executor: RunExecutor,
    private readonly database: Database,
    @InjectQueue(RUNS_QUEUE) private readonly queue: Queue,
    @Inject(RUNNER_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  /** The queue's own connection errors (e.g. the database restarting) are logged, not printed raw. */
  onModuleInit(): void {
    this.queue.on('error', (error) =>
      logger().warn({ err: error, queue: this.queue.name }, 'queue connection error'),
    );
  }

  /** In-flight items finish or are dropped; the job goes back to the queue (before workers close). */
  beforeApplicationShutdown(): void {
    this.shutdown.abort();
  }

  async process(job: Job, token?: string): Promise<RunOutcome | null> {
    const lock = this.locks.watch(String(job.id));
    // The executor stops at its next batch on either: the process going away or the lock lost.
    const stop = AbortSignal.any([this.shutdown.signal, lock.signal]);
    try {
      return await retryThroughOutages(() => this.dispatch(job, stop), {
        signal: stop,
        stillOwned: async () =>
          !token || (await job.extendLock(token, this.config.LASTMILE_JOB_LOCK_MS)) === 1,
        onPause: (attempt, delayMs, error) =>
          logger().warn(
            { jobId: job.id, attempt, delayMs, err: error },
            'database unavailable; resuming the run after a pause',
          ),
      });
    } catch (error) {
      if (lock.signal.aborted || error instanceof JobLockLost) {
        logger().warn(
          { jobId: job.id },
          'lost the job lock; the run is left to the worker the queue gives it to',
        );
        throw error;
      }
      if (error instanceof RunInterrupted && error.reason === 'shutdown') {
        logger().info({ jobId: job.id }, 'returning the run to the queue for another worker');
        await job.moveToWait(token);
        throw new WaitingError();
      }
      await this.failRunOnLastAttempt(job, error);
      throw error;
    } finally {
      lock.release();
    }
  }

  private dispatch(job: Job, stop: AbortSignal): Promise<RunOutcome | null> {
    switch (job.name) {
      case JOB_EXECUTE_RUN:
        return this.executor.execute((job.data as ExecuteRunJob).runId, stop);
      case JOB_SCHEDULED_RUN:
        return this.scheduledRun(job as Job<ScheduledRunJob>, stop);
      default:
        return Promise.reject(new Error(`unknown job ${job.name}`));
    }
  }

  /** A job that fails for good must not leave its run "running" with nothing left to finish it. */
  private async failRunOnLastAttempt(job: Job, error: unknown): Promise<void> {
    if (job.attemptsMade + 1 < (job.opts.attempts ?? 1)) return;
    await this.failRunOf(job, error instanceof Error ? error.message : String(error));
  }

  private async failRunOf(job: Job, why: string): Promise<void> {
    const runId =
      job.name === JOB_EXECUTE_RUN
        ? (job.data as ExecuteRunJob).runId
        : job.name === JOB_SCHEDULED_RUN
          ? uuidFrom(`${job.id}`)
          : null;
    if (!runId) return;
    const reason = `the runner could not execute the run: ${why}`;
    await this.executor
      .failUnexecutable(runId, reason)
      .catch((failError: unknown) =>
        logger().warn({ runId, err: failError }, 'could not mark the run failed'),
      );
  }

  @OnWorkerEvent('lockRenewalFailed')
  onLockRenewalFailed(jobIds: string[]): void {
    this.locks.lost(jobIds);
  }

  /** Without a listener BullMQ prints worker errors (lost connections, lock renewals) raw on stderr. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    logger().warn({ err: error }, 'queue worker error');
  }

  /**
   * A job that stalled more than maxStalledCount times (its workers killed) is failed by BullMQ when a
   * worker next takes it, with an UnrecoverableError and without calling process(): its run is failed
   * here, or it would stay "running" with nothing left to finish it.
   */
  @OnWorkerEvent('failed')
  async onJobFailed(job: Job | undefined, error: Error): Promise<void> {
    logger().error({ jobId: job?.id, job: job?.name, err: error }, 'run job failed');
    if (job && error instanceof UnrecoverableError) await this.failRunOf(job, error.message);
  }

  /** One scheduler tick = one run: the run id derives from the job id, so a retried tick resumes it. */
  private async scheduledRun(
    job: Job<ScheduledRunJob>,
    stop: AbortSignal,
  ): Promise<RunOutcome | null> {
    const plan = await this.database.stores.plans.find(job.data.planId);
    if (!plan || plan.deletedAt || !plan.enabled) return null;
    const runId = uuidFrom(`${job.id}`);
    await this.database.stores.runs.createScheduled(runId, plan);
    return this.executor.execute(runId, stop);
  }
}

function uuidFrom(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
