import http from 'node:http';
import https from 'node:https';
import { URL_POLICY_DENIED, type ServerPolicy, type UrlPolicy } from '@lastmile/adapters';
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

/** Where a channel's secrets are opened: the plan's tenant's (or, for null, the operator's). */
export interface ChannelSecrets {
  reveal(owner: string | null, name: string): Promise<string | null>;
}

const SECRET_ENV_REFUSED =
  'the channel names an environment variable (secretEnv), which channels may no longer do: store the secret with PUT /v1/tenants/{tenant}/secrets/{name} and name it in the channel\'s "secret"';

/** Destinations the operator configures, never a channel. */
export interface OperatorDestinations {
  /** LASTMILE_PAGERDUTY_EVENTS_URL: every PagerDuty event, whatever a channel's url says. */
  pagerDutyEventsUrl: string;
}

/**
 * Formats a message for its channel and POSTs it. A tenant's channels reach only what the
 * customer URL policy allows (public addresses, or the operator's customer allow-list); the
 * operator's own plans use the general allow-list. Secrets are opened per delivery, so a rotated
 * one is used at once, and a value goes only where its owner sent it: a routing key to the
 * operator's PagerDuty events URL (a url stored on the channel is ignored), a webhook secret
 * into a signature only, a Slack secret as the URL it is.
 */
export class NotificationSender {
  constructor(
    private readonly policy: ServerPolicy,
    private readonly secrets: ChannelSecrets,
    private readonly destinations: OperatorDestinations,
  ) {}

  async deliver(
    channel: ChannelSpec,
    message: AlertMessage,
    idempotencyKey: string,
  ): Promise<DeliveryResult> {
    const owner = message.alert.tenantId;
    if (channel.secretEnv !== undefined) return refused(SECRET_ENV_REFUSED);
    let secret: string | undefined;
    if (channel.secret !== undefined) {
      try {
        secret = (await this.secrets.reveal(owner, channel.secret)) ?? undefined;
      } catch (error) {
        return refused(`secret ${channel.secret} could not be opened: ${(error as Error).message}`);
      }
      if (secret === undefined)
        return refused(
          `no secret named ${channel.secret} for ${owner ? "the plan's tenant" : 'the operator'}`,
        );
    }
    if (channel.kind === 'pagerduty' && secret === undefined)
      return refused('a PagerDuty channel needs a secret holding its routing key');
    if (channel.kind === 'pagerduty')
      // The operator's own setting, not API input: no allow-list applies to it.
      return this.post(
        new URL(this.destinations.pagerDutyEventsUrl),
        this.headers(idempotencyKey),
        Buffer.from(JSON.stringify(pagerDutyPayload(message, secret!))),
        undefined,
      );
    // A Slack incoming webhook's URL is its credential: kept as the secret's value.
    const target = channel.kind === 'slack' && secret !== undefined ? secret : channel.url;
    let url: URL;
    try {
      url = new URL(target ?? '');
    } catch {
      return refused(
        channel.kind === 'slack'
          ? `secret ${channel.secret} is not a URL`
          : 'the channel URL is not a valid URL',
      );
    }
    const policy = owner === null ? this.policy.urls : this.policy.customerUrls;
    const verdict = policy.classify(url);
    if (verdict === 'denied')
      return refused(
        owner === null
          ? `${url.host} is not allowed by LASTMILE_URL_ALLOWLIST`
          : `${url.host} is not a public address nor in LASTMILE_CUSTOMER_URL_ALLOWLIST: a tenant's channels may not reach it`,
      );
    const payload = channel.kind === 'slack' ? slackPayload(message) : webhookPayload(message);
    const body = Buffer.from(JSON.stringify(payload));
    const headers = this.headers(idempotencyKey);
    // The webhook secret only signs: its value is in no header and no body.
    if (channel.kind === 'webhook' && secret) headers[SIGNATURE_HEADER] = signBody(body, secret);
    return this.post(url, headers, body, verdict === 'check-addresses' ? policy.lookup : undefined);
  }

  private headers(idempotencyKey: string): Record<string, string> {
    return {
      'content-type': 'application/json',
      'user-agent': 'lastmile-notifier',
      [IDEMPOTENCY_HEADER]: idempotencyKey,
    };
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
        resolve(
          // Refused inside the socket's DNS lookup: the name resolves where it may not go.
          error.code === URL_POLICY_DENIED
            ? refused(error.message)
            : {
                delivered: false,
                responseStatus: null,
                error: `POST ${url.host} failed: ${error.code ?? error.message}`,
                retryable: true,
              },
        ),
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
