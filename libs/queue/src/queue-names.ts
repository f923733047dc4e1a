/** Run execution and plan schedules share one queue: a scheduler tick is a job like any other. */
export const RUNS_QUEUE = 'runs';
export const NOTIFICATIONS_QUEUE = 'notifications';

export const JOB_EXECUTE_RUN = 'execute-run';
export const JOB_SCHEDULED_RUN = 'scheduled-run';
export const JOB_DELIVER_NOTIFICATION = 'deliver-notification';

export interface ExecuteRunJob {
  runId: string;
}

export interface ScheduledRunJob {
  planId: string;
}

export function planSchedulerId(planId: string): string {
  return `plan:${planId}`;
}

/**
 * Options of every run job, manual or scheduled: one home, so retention applies to schedule
 * ticks too (BullMQ keeps the last 1,000 finished and failed jobs for inspection).
 */
export const RUN_JOB_RETENTION = { removeOnComplete: 1000, removeOnFail: 1000 } as const;

/** A manual run's job: its id is the run id, so queuing the same run twice is one job. */
export function executeRunJobOptions(runId: string) {
  return { jobId: runId, ...RUN_JOB_RETENTION };
}

/** What a plan's job scheduler needs of the plan. */
export interface SchedulablePlan {
  id: string;
  cron: string | null;
  timezone: string;
}

/** The minimal queue interface for plan schedulers (a BullMQ Queue). */
export interface SchedulerQueue {
  upsertJobScheduler(
    id: string,
    repeat: { pattern: string; tz: string },
    template: { name: string; data: ScheduledRunJob; opts: object },
  ): Promise<unknown>;
  removeJobScheduler(id: string): Promise<unknown>;
}

/** A plan's cron as a BullMQ job scheduler: it fires once however many runners listen. */
export async function upsertPlanScheduler(
  queue: SchedulerQueue,
  plan: SchedulablePlan,
): Promise<void> {
  await queue.upsertJobScheduler(
    planSchedulerId(plan.id),
    { pattern: plan.cron!, tz: plan.timezone },
    { name: JOB_SCHEDULED_RUN, data: { planId: plan.id }, opts: { ...RUN_JOB_RETENTION } },
  );
}
