import { createHash } from 'node:crypto';
import type { ChannelSpec } from '@lastmile/persistence';
import type { NotifiedEvent } from '../alerts/alert-transition';

export type { ChannelSpec } from '@lastmile/persistence';

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
 * How a channel is named in the notifications table, logs and /health: kind, host (or the secret's
 * name, for a Slack URL kept as a secret) and a hash — never a URL path, which is the secret of a
 * Slack incoming webhook, nor a secret's value.
 */
export function channelKey(channel: ChannelSpec): string {
  let where = channel.url === undefined ? `secret.${channel.secret ?? 'none'}` : 'invalid-url';
  try {
    if (channel.url !== undefined) where = new URL(channel.url).host;
  } catch {
    // reported when delivered
  }
  const hash = createHash('sha256')
    // Channels without a secret keep the key they had before secrets were stored.
    .update(
      channel.secret === undefined
        ? `${channel.kind} ${channel.url}`
        : `${channel.kind} ${channel.url ?? ''} ${channel.secret}`,
    )
    .digest('hex')
    .slice(0, 12);
  return `${channel.kind}:${where}:${hash}`;
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
