import http from 'node:http';
import https from 'node:https';
import type { UrlPolicy } from '@lastmile/adapters';
import {
  IDEMPOTENCY_HEADER,
  pagerDutyPayload,
  SIGNATURE_HEADER,
  signBody,
  slackPayload,
  webhookPayload,
  type AlertMessage,
  type ChannelSpec,
} from '@lastmile/monitoring';

export interface DeliveryResult {
  delivered: boolean;
  responseStatus: number | null;
  /** Safe to store and log: names the host, never the URL path (a Slack secret) or a secret. */
  error: string | null;
  /** Worth another attempt (network errors, timeouts, 408, 429, 5xx). */
  retryable: boolean;
}

const TIMEOUT_MS = 10_000;

/** Formats a message for its channel and POSTs it, within the URL allow-list. */
export class NotificationSender {
  constructor(
    private readonly policy: UrlPolicy,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  async deliver(
    channel: ChannelSpec,
    message: AlertMessage,
    idempotencyKey: string,
  ): Promise<DeliveryResult> {
    let url: URL;
    try {
      url = new URL(channel.url);
    } catch {
      return refused('the channel URL is not a valid URL');
    }
    const verdict = this.policy.classify(url);
    if (verdict === 'denied')
      return refused(`${url.host} is not allowed by LASTMILE_URL_ALLOWLIST`);
    const secret = channel.secretEnv ? this.env[channel.secretEnv] : undefined;
    if (channel.secretEnv && !secret)
      return refused(`environment variable ${channel.secretEnv} is not set`);
    if (channel.kind === 'pagerduty' && !secret)
      return refused('a PagerDuty channel needs secretEnv naming its routing key');
    const payload =
      channel.kind === 'slack'
        ? slackPayload(message)
        : channel.kind === 'pagerduty'
          ? pagerDutyPayload(message, secret!)
          : webhookPayload(message);
    const body = Buffer.from(JSON.stringify(payload));
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'lastmile-notifier',
      [IDEMPOTENCY_HEADER]: idempotencyKey,
    };
    if (channel.kind === 'webhook' && secret) headers[SIGNATURE_HEADER] = signBody(body, secret);
    return this.post(
      url,
      headers,
      body,
      verdict === 'check-addresses' ? this.policy.lookup : undefined,
    );
  }

  private post(
    url: URL,
    headers: Record<string, string>,
    body: Buffer,
    lookup: UrlPolicy['lookup'],
  ): Promise<DeliveryResult> {
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolve) => {
      const request = client.request(url, {
        method: 'POST',
        headers: { ...headers, 'content-length': String(body.length) },
        lookup,
        timeout: TIMEOUT_MS,
      });
      request.on('timeout', () => request.destroy(new Error(`no answer in ${TIMEOUT_MS} ms`)));
      request.on('error', (error: NodeJS.ErrnoException) =>
        resolve({
          delivered: false,
          responseStatus: null,
          error: `POST ${url.host} failed: ${error.code ?? error.message}`,
          retryable: true,
        }),
      );
      request.on('response', (response) => {
        response.resume();
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          const delivered = status >= 200 && status < 300;
          resolve({
            delivered,
            responseStatus: status,
            error: delivered ? null : `POST ${url.host} answered ${status}`,
            retryable: !delivered && (status === 408 || status === 429 || status >= 500),
          });
        });
      });
      request.end(body);
    });
  }
}

function refused(error: string): DeliveryResult {
  return { delivered: false, responseStatus: null, error, retryable: false };
}
