import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: Record<string, unknown>;
  /** Status answered. */
  status: number;
}

export interface NotificationReceiver {
  /** Base URL, e.g. http://127.0.0.1:1234 */
  readonly url: string;
  /** Every request, in arrival order, including the ones answered with a failure. */
  readonly requests: ReceivedRequest[];
  /** Requests accepted once per Idempotency-Key, as a receiver that drops duplicates would. */
  accepted(): ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * A real local HTTP endpoint standing in for a webhook, Slack or PagerDuty: it records what it
 * is sent and answers 2xx, or first fails `failFirst` requests with 503 (a flaky receiver).
 */
export async function startNotificationReceiver(
  options: { failFirst?: number; okStatus?: number } = {},
): Promise<NotificationReceiver> {
  const requests: ReceivedRequest[] = [];
  let failuresLeft = options.failFirst ?? 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const status = failuresLeft > 0 ? 503 : (options.okStatus ?? 200);
      if (failuresLeft > 0) failuresLeft -= 1;
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw);
      } catch {
        // recorded as is
      }
      requests.push({ path: request.url ?? '', headers: request.headers, raw, body, status });
      response
        .writeHead(status, { 'content-type': 'application/json' })
        .end(status < 300 ? '{"status":"ok"}' : '{"error":"try later"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    accepted() {
      const seen = new Set<string>();
      return requests.filter((r) => {
        const key = String(r.headers['idempotency-key']);
        if (r.status >= 300 || seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
