import { z } from 'zod';

const circuitBreakerSchema = z
  .strictObject({
    /** Consecutive failed attempts (timeouts, connection errors, 5xx, failed commands) that open it. */
    failureThreshold: z.int().min(1).default(5),
    /** How long it stays open before one trial call (half-open) may close it again. */
    halfOpenAfterMs: z.int().min(1).default(30_000),
  })
  .prefault({});

/** Resilience settings shared by every adapter kind (and the HTTP toxicity scorer). */
export const limitsSchema = z
  .strictObject({
    /** Per attempt; time spent queued for a concurrency or rate slot does not count. */
    timeoutMs: z.int().min(1).default(30_000),
    /** Retries after the first attempt, so at most maxRetries + 1 calls reach the model. */
    maxRetries: z.int().min(0).max(20).default(4),
    /** Scale of the backoff: delays grow about as this × 2^retry, with decorrelated jitter. */
    initialBackoffMs: z.int().min(0).default(500),
    /** Cap on one backoff delay; a longer Retry-After ends the retries as rate_limited. */
    maxBackoffMs: z.int().min(0).default(30_000),
    /** Calls in flight at once, per adapter instance. */
    concurrency: z.int().min(1).max(1024).default(8),
    /** Calls started per second, per adapter instance; unlimited when absent. */
    requestsPerSecond: z.number().positive().optional(),
    circuitBreaker: circuitBreakerSchema,
  })
  .prefault({});

export type AdapterLimits = z.output<typeof limitsSchema>;
