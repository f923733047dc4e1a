import type { FixtureAnswer } from '@lastmile/fixtures';
import { codeWordOf, deterministicAnswer, uniformFrom } from './qa-items';

export type Fault = 'ok' | 'server_error' | 'hang' | 'malformed' | 'rate_limited';

/** Share of model calls that fail each way (the rest answer): 20% 500, 10% hang, 5% bad JSON, 5% 429. */
const FAULTS: [Fault, number][] = [
  ['server_error', 0.2],
  ['hang', 0.1],
  ['malformed', 0.05],
  ['rate_limited', 0.05],
];

/**
 * A flaky model endpoint, seeded per request: what the k-th call about code word n gets depends on
 * (seed, n, k) only, so the outcome of every item is known whatever order the calls arrive in.
 */
export class FaultScript {
  private readonly attempts = new Map<number, number>();

  constructor(private readonly seed: number) {}

  faultOf(item: number, attempt: number): Fault {
    let u = uniformFrom(this.seed, item, attempt);
    for (const [fault, share] of FAULTS) {
      if (u < share) return fault;
      u -= share;
    }
    return 'ok';
  }

  /** The fixture's answer to this call (counts the attempt). */
  answer(prompt: string): FixtureAnswer {
    const item = codeWordOf(prompt);
    const attempt = (this.attempts.get(item) ?? 0) + 1;
    this.attempts.set(item, attempt);
    switch (this.faultOf(item, attempt)) {
      case 'server_error':
        return { status: 500, body: '{"error":{"message":"scripted outage"}}' };
      case 'hang':
        return { hang: true };
      case 'malformed':
        return { status: 200, body: '{"choices": [{"message": ' };
      case 'rate_limited':
        return {
          status: 429,
          headers: { 'retry-after': '1' },
          body: '{"error":{"message":"slow down"}}',
        };
      case 'ok':
        return deterministicAnswer(prompt);
    }
  }

  /**
   * What the adapter must end with for an item after at most `maxAttempts` calls: the answer, or
   * the error code of a call it does not retry (bad JSON) or of the last retried one.
   */
  expectedOutcome(
    item: number,
    maxAttempts: number,
  ): { ok: boolean; code?: string; attempts: number } {
    const codes: Record<Exclude<Fault, 'ok'>, string> = {
      server_error: 'http_status',
      hang: 'timeout',
      malformed: 'invalid_response',
      rate_limited: 'rate_limited',
    };
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const fault = this.faultOf(item, attempt);
      if (fault === 'ok') return { ok: true, attempts: attempt };
      if (fault === 'malformed' || attempt === maxAttempts)
        return { ok: false, code: codes[fault], attempts: attempt };
    }
    throw new Error('maxAttempts must be at least 1');
  }

  /** Calls made about an item so far. */
  callsFor(item: number): number {
    return this.attempts.get(item) ?? 0;
  }
}
