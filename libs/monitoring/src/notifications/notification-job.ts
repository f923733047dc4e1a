import { createHash } from 'node:crypto';
import type { NotifiedEvent } from '../alerts/alert-transition';

export interface ChannelSpec {
  kind: 'webhook' | 'slack' | 'pagerduty';
  url: string;
  secretEnv?: string;
}

/** Job data of JOB_DELIVER_NOTIFICATION: no secret, no message (built from the rows at delivery). */
export interface DeliverNotificationJob {
  alertId: string;
  alertEventId: string;
  event: NotifiedEvent;
  channel: ChannelSpec;
  channelKey: string;
  idempotencyKey: string;
}

/**
 * How a channel is named in the notifications table, logs and /health: kind, host and a hash of
 * the URL — never the URL, whose path is the secret of a Slack incoming webhook.
 */
export function channelKey(channel: ChannelSpec): string {
  let host = 'invalid-url';
  try {
    host = new URL(channel.url).host;
  } catch {
    // reported when delivered
  }
  const hash = createHash('sha256')
    .update(`${channel.kind} ${channel.url}`)
    .digest('hex')
    .slice(0, 12);
  return `${channel.kind}:${host}:${hash}`;
}

/** One per (alert event, channel): the same on every retry, so receivers can drop duplicates. */
export function idempotencyKey(alertId: string, alertEventId: string, key: string): string {
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 12);
  return `lm-${alertId}-${alertEventId}-${hash}`;
}

/** Retries with exponential backoff: 2, 4, 8, 16, 32 s after the first failure (6 attempts). */
export const NOTIFICATION_JOB_OPTIONS = {
  attempts: 6,
  backoff: { type: 'exponential' as const, delay: 2_000 },
  removeOnComplete: 1_000,
  removeOnFail: 5_000,
};

/** The jobs for one alert event: one per channel of the plan, job id = idempotency key. */
export function notificationJobs(
  alertId: string,
  alertEventId: string,
  event: NotifiedEvent,
  channels: readonly ChannelSpec[],
): { data: DeliverNotificationJob; opts: typeof NOTIFICATION_JOB_OPTIONS & { jobId: string } }[] {
  return channels.map((channel) => {
    const key = channelKey(channel);
    const idempotency = idempotencyKey(alertId, alertEventId, key);
    return {
      data: { alertId, alertEventId, event, channel, channelKey: key, idempotencyKey: idempotency },
      opts: { ...NOTIFICATION_JOB_OPTIONS, jobId: idempotency },
    };
  });
}
