import {
  DelegateBackoff,
  ExponentialBackoff,
  type IBackoff,
  type IBackoffFactory,
  type IRetryBackoffContext,
} from 'cockatiel';
import { ModelCallError } from '../errors/model-call-error';
import type { AdapterLimits } from '../spec/limits.schema';

/**
 * Exponential backoff with decorrelated jitter (cockatiel's default generator), except that a
 * server's Retry-After, when given, is the delay.
 */
export function retryAfterAwareBackoff(
  limits: AdapterLimits,
): IBackoffFactory<IRetryBackoffContext<unknown>> {
  const exponential = new ExponentialBackoff({
    initialDelay: limits.initialBackoffMs,
    maxDelay: limits.maxBackoffMs,
  });
  return new DelegateBackoff<IRetryBackoffContext<unknown>, IBackoff<unknown>>(
    (context, previous) => {
      const next = previous ? previous.next(context) : exponential.next();
      const failure = 'error' in context.result ? context.result.error : undefined;
      const hinted = failure instanceof ModelCallError ? failure.retryAfterMs : undefined;
      return { delay: hinted ?? next.duration, state: next };
    },
  );
}
