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
