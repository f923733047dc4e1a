import type { ServerPolicy } from '@lastmile/adapters';
import type { ChannelSpec, Database } from '@lastmile/persistence';
import type { FieldProblem } from '../common/problem.exception';
import type { Principal } from '../auth/principal';
import { NOT_A_URL, secretUrlRefusal } from '../secrets/secret-url';

/** What a plan's channels may not name: `forbidden` answers 403, `problems` 400. */
export interface ChannelRefusals {
  forbidden: FieldProblem[];
  problems: FieldProblem[];
}

/**
 * A secret goes only where its owner sends it. A PagerDuty routing key goes to the operator's
 * LASTMILE_PAGERDUTY_EVENTS_URL and nowhere else; a webhook secret only signs (its value never
 * leaves); a Slack secret's value is the URL, held to the owner's URL policy like any channel URL.
 * And only a principal that may write a tenant's secrets (its customer keys, admin) may point a
 * channel at one: an `ml` key may change a tenant's plan but keeps the channels naming secrets as
 * the tenant set them.
 */
export class PlanChannelRules {
  constructor(
    private readonly database: Database,
    private readonly policy: ServerPolicy,
    private readonly pagerDutyEventsUrl: string,
  ) {}

  /** The channels as stored: a PagerDuty channel's destination is the operator's, never kept. */
  static stored(channels: ChannelSpec[]): ChannelSpec[] {
    return channels.map((channel) => {
      if (channel.kind !== 'pagerduty') return channel;
      const { url: _url, ...rest } = channel;
      return rest;
    });
  }

  async refusals(
    principal: Principal,
    tenantId: string | null,
    channels: ChannelSpec[],
    current: ChannelSpec[],
  ): Promise<ChannelRefusals> {
    const refusals: ChannelRefusals = { forbidden: [], problems: [] };
    const kept = new Set(current.map(channelIdentity));
    const names = channels.flatMap((channel) => (channel.secret ? [channel.secret] : []));
    const stored = await this.database.stores.secrets.existing(tenantId, names);
    for (const [i, channel] of channels.entries()) {
      if (
        channel.secret !== undefined &&
        tenantId !== null &&
        !mayUseTenantSecrets(principal, tenantId) &&
        !kept.has(channelIdentity(channel))
      )
        refusals.forbidden.push({
          field: `channels[${i}].secret`,
          reason: `a channel naming a tenant's secret is set by the tenant's own keys or an admin key, not ${principal.role}: keep the plan's channels as they are or ask the tenant`,
        });
      else if (channel.secret !== undefined && !stored.has(channel.secret))
        refusals.problems.push({
          field: `channels[${i}].secret`,
          reason: `no secret named ${channel.secret} for ${tenantId ? "the plan's tenant" : 'the operator'}: store it first with PUT ${tenantId ? '/v1/tenants/{tenant}/secrets/' : '/v1/secrets/'}${channel.secret}`,
        });
      else if (channel.kind === 'slack' && channel.secret !== undefined) {
        const reason = await this.slackRefusal(tenantId, channel.secret);
        if (reason) refusals.problems.push({ field: `channels[${i}].secret`, reason });
      }
      const urlReason = await this.urlRefusal(tenantId, channel);
      if (urlReason) refusals.problems.push({ field: `channels[${i}].url`, reason: urlReason });
    }
    return refusals;
  }

  private async urlRefusal(tenantId: string | null, channel: ChannelSpec): Promise<string | null> {
    if (channel.url === undefined) return null;
    if (channel.kind === 'pagerduty')
      return channel.url === this.pagerDutyEventsUrl
        ? null
        : `a PagerDuty channel always delivers to the operator's PagerDuty events URL (LASTMILE_PAGERDUTY_EVENTS_URL, ${this.pagerDutyEventsUrl}), where its routing key belongs: leave url out`;
    return tenantId !== null
      ? this.policy.customerUrls.refusal(channel.url)
      : this.policy.urls.classify(new URL(channel.url)) === 'denied'
        ? `${new URL(channel.url).host} is not in LASTMILE_URL_ALLOWLIST`
        : null;
  }

  /** A Slack secret is the webhook URL: it must be one the owner's URL policy lets through. */
  private async slackRefusal(tenantId: string | null, name: string): Promise<string | null> {
    let value: string | null;
    try {
      value = await this.database.stores.secrets.reveal(tenantId, name);
    } catch (error) {
      return `secret ${name} could not be opened: ${(error as Error).message}`;
    }
    if (value === null) return null;
    const reason = await secretUrlRefusal(this.policy, tenantId, value);
    return reason === NOT_A_URL
      ? `secret ${name} is not an http(s) URL: a Slack channel's secret holds the incoming-webhook URL`
      : reason && `secret ${name} holds a Slack URL this plan may not reach: ${reason}`;
  }
}

/** The channel's kind, destination and secret: an `ml` key may keep one its owner set. */
function channelIdentity(channel: ChannelSpec): string {
  const url = channel.kind === 'pagerduty' ? null : (channel.url ?? null);
  return JSON.stringify([channel.kind, url, channel.secret ?? null]);
}

/** Who may write a tenant's secrets may point its channels at them (SecretsController's roles). */
function mayUseTenantSecrets(principal: Principal, tenantId: string): boolean {
  return (
    principal.role === 'admin' || (principal.role === 'customer' && principal.tenantId === tenantId)
  );
}
