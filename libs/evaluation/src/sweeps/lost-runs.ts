import type { Database } from '@lastmile/persistence';
import { executeRunJobOptions, JOB_EXECUTE_RUN, type ExecuteRunJob } from '@lastmile/queue/names';
import { logger } from '@lastmile/telemetry';

/** The runs queue as the sweep uses it (a BullMQ Queue). */
export interface RunsQueue {
  add(name: string, data: ExecuteRunJob, options: object): Promise<unknown>;
  getJobState(jobId: string): Promise<string>;
  getJob(jobId: string): Promise<{ failedReason?: string; remove(): Promise<void> } | undefined>;
}

/** States in which a job will still run (or is running). */
const LIVE = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

export interface LostRunsOutcome {
  requeued: string[];
  failed: string[];
}

/**
 * Finds runs that can no longer finish by themselves and settles them: a manual run whose job
 * never reached the queue (a crash between the API's commit and its enqueue), or a queued or
 * running run whose job is gone, is queued again (resuming is safe: results are unique per item);
 * a run whose job ended without ending the run is failed with the reason. Runs younger than
 * `graceSeconds` are left alone (their job may be on its way). One replica at a time.
 *
 * A scheduled run's job has the tick's id, not the run's: such a run is checked by the job a
 * requeue would create, so a live tick is never doubled only while it is younger than the grace.
 */
export function sweepLostRuns(
  database: Database,
  queue: RunsQueue,
  graceSeconds = 30,
): Promise<LostRunsOutcome> {
  return database.transaction(async (stores) => {
    const outcome: LostRunsOutcome = { requeued: [], failed: [] };
    if (!(await stores.tryLock('lastmile:lost-run-sweep'))) return outcome;
    for (const run of await stores.runs.lostCandidates(graceSeconds)) {
      if (run.trigger === 'cli') continue; // `lastmile run` executes in its own process, queue-less
      const state = await queue.getJobState(run.id);
      if (LIVE.has(state)) continue;
      if (run.trigger === 'schedule' && run.status === 'running' && state === 'unknown') {
        // Its tick's job (another id) holds it while a runner works on it: leave it to the stall check.
        continue;
      }
      if (state === 'failed' || state === 'completed') {
        const job = await queue.getJob(run.id);
        const why =
          state === 'failed'
            ? `its job failed: ${job?.failedReason ?? 'no reason recorded'}`
            : 'its job completed without finishing it';
        if (await stores.runs.failUnfinished(run.id, `the run was found unfinished: ${why}`))
          outcome.failed.push(run.id);
        continue;
      }
      await queue.add(JOB_EXECUTE_RUN, { runId: run.id }, executeRunJobOptions(run.id));
      outcome.requeued.push(run.id);
    }
    if (outcome.requeued.length || outcome.failed.length)
      logger().warn(outcome, 'settled runs whose jobs were lost');
    return outcome;
  });
}
