import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Lastmile-Signature';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** `sha256=<hex HMAC-SHA256 of the exact body bytes>`: receivers recompute it over the raw body. */
export function signBody(body: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
