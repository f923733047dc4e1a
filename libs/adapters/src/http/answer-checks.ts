import { ModelCallError } from '../errors/model-call-error';
import { parseRetryAfter } from '../resilience/retry-after';
import type { HttpAnswer } from './http-transport';

/** Turns a non-2xx answer into the matching error: 429 and 5xx are transient, other codes are not. */
export function assertSuccess(answer: HttpAnswer, target: string): void {
  const { status } = answer;
  if (status >= 200 && status < 300) return;
  const header = answer.headers['retry-after'];
  const retryAfterMs = parseRetryAfter(Array.isArray(header) ? header[0] : header);
  const message = `${target} answered ${status}: ${snippet(answer.body)}`;
  if (status === 429) {
    throw new ModelCallError({
      code: 'rate_limited',
      status,
      retryable: true,
      retryAfterMs,
      message,
    });
  }
  const retryable = status >= 500;
  throw new ModelCallError({ code: 'http_status', status, retryable, retryAfterMs, message });
}

/** The body of a 2xx answer as JSON; malformed JSON is an invalid_response (not retried). */
export function parseJsonAnswer(answer: HttpAnswer, target: string): unknown {
  try {
    return JSON.parse(answer.body.toString('utf8'));
  } catch {
    throw invalidResponse(target, `malformed JSON: ${snippet(answer.body)}`);
  }
}

export function invalidResponse(target: string, problem: string): ModelCallError {
  return new ModelCallError({
    code: 'invalid_response',
    retryable: false,
    message: `${target} answered ${problem}`,
  });
}

function snippet(body: Buffer): string {
  const text = body.subarray(0, 400).toString('utf8').replace(/\s+/g, ' ').trim();
  return text === '' ? '(empty body)' : text.slice(0, 300);
}
