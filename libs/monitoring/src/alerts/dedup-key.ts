import { createHash } from 'node:crypto';

export type AlertType = 'drift' | 'fairness_gap' | 'health' | 'cusum';

export interface AlertKeyParts {
  type: AlertType;
  planId: string;
  /** Null for health alerts: they are about the plan's runs, not a slice. */
  sliceId: string | null;
  subgroup: string;
  metric: string;
}

/** PagerDuty's dedup_key limit; longer keys end in a hash of the whole. */
const MAX_KEY_LENGTH = 255;

// Subgroups and metric names may hold ':' (`wer_gap:accent`), so it is escaped (with '%').
const part = (value: string) => value.replace(/%/g, '%25').replace(/:/g, '%3A');

/**
 * One open alert per key: `type:plan:slice:subgroup:metric` (health: `health:plan`). The same
 * key goes to PagerDuty as dedup_key, so the incident follows the alert.
 */
export function alertDedupKey(parts: AlertKeyParts): string {
  const key =
    parts.type === 'health'
      ? `health:${parts.planId}`
      : [parts.type, parts.planId, parts.sliceId ?? '-', parts.subgroup, parts.metric]
          .map(part)
          .join(':');
  if (key.length <= MAX_KEY_LENGTH) return key;
  const hash = createHash('sha256').update(key).digest('hex');
  return `${key.slice(0, MAX_KEY_LENGTH - 65)}#${hash}`;
}
