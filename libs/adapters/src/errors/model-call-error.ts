import { redactText } from './redact';

/** Why a model call failed; the runner records it as an instance error, never as a score. */
export type ModelCallErrorCode =
  | 'timeout'
  | 'http_status'
  | 'rate_limited'
  | 'invalid_response'
  | 'invalid_request'
  | 'unreachable'
  | 'circuit_open'
  | 'command_failed'
  | 'aborted';

export interface ModelCallErrorInit {
  code: ModelCallErrorCode;
  message: string;
  status?: number;
  attempts?: number;
  /** Whether trying the same request later could succeed (a transient failure). */
  retryable: boolean;
  /** Server-requested wait before the next attempt (from Retry-After), in milliseconds. */
  retryAfterMs?: number;
}

/** The one error type every adapter and HTTP scorer call rejects with. */
export class ModelCallError extends Error {
  override readonly name = 'ModelCallError';
  readonly code: ModelCallErrorCode;
  readonly status?: number;
  readonly attempts: number;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;

  constructor(init: ModelCallErrorInit) {
    super(init.message);
    this.code = init.code;
    this.status = init.status;
    this.attempts = init.attempts ?? 0;
    this.retryable = init.retryable;
    this.retryAfterMs = init.retryAfterMs;
  }

  /** A copy with the final attempt count, and with every secret blanked out of the message. */
  finalize(attempts: number, secrets: readonly string[] = []): ModelCallError {
    return new ModelCallError({
      code: this.code,
      status: this.status,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      attempts,
      message: redactText(this.message, secrets),
    });
  }

  toJSON(): Record<string, unknown> {
    const { name, code, status, message, attempts, retryable } = this;
    return { name, code, status, message, attempts, retryable };
  }
}

export function isModelCallError(error: unknown): error is ModelCallError {
  return error instanceof ModelCallError;
}
