import { CustomerUrlPolicy } from '../http/customer-url-policy';
import { parseUrlAllowlist, UrlAllowlist, type UrlPolicy } from '../http/url-policy';
import { CREDENTIAL_HEADERS, storedHeaderNames } from '../spec/headers.schema';
import { apiKeyTargets, KeyHostBindings } from './key-host-bindings';
import { apiKeyEnvNames, SecretEnvPolicy, settingList } from './secret-env-policy';

/** The operator's settings this policy reads (a subset of the validated AppConfig). */
export interface ServerPolicySettings {
  LASTMILE_ALLOW_COMMAND_ADAPTERS: boolean;
  LASTMILE_COMMAND_ALLOWLIST: string;
  LASTMILE_URL_ALLOWLIST: string;
  LASTMILE_CUSTOMER_URL_ALLOWLIST: string;
  LASTMILE_SECRET_ENV_PREFIX: string;
  LASTMILE_SECRET_ENV_NAMES: string;
  LASTMILE_CREDENTIAL_HEADERS: string;
  /** Key variables bound to the hosts they may be sent to (KeyHostBindings); none when absent. */
  LASTMILE_SECRET_ENV_HOSTS?: string;
}

/** A refused part of a stored spec: its path (relative to the spec) and why. */
export interface SpecRefusal {
  path: string;
  reason: string;
}

/**
 * Everything an API input may name on the server — environment variables, programs, hosts —
 * judged by the operator's settings alone. The API checks specs with it at creation; the runner
 * builds adapters with the same rules, so a row stored before a rule changed is held to it too.
 */
export class ServerPolicy {
  readonly urls: UrlPolicy;
  readonly customerUrls: CustomerUrlPolicy;
  readonly secretEnv: SecretEnvPolicy;
  readonly keyHosts: KeyHostBindings;
  private readonly credentialHeaders: ReadonlySet<string>;
  private readonly commands: ReadonlySet<string>;

  constructor(
    private readonly settings: ServerPolicySettings,
    reservedEnvNames: readonly string[],
  ) {
    this.urls = parseUrlAllowlist(settings.LASTMILE_URL_ALLOWLIST);
    const customer = settingList(settings.LASTMILE_CUSTOMER_URL_ALLOWLIST);
    this.customerUrls = new CustomerUrlPolicy(
      this.urls,
      customer.length ? new UrlAllowlist(customer) : null,
    );
    this.secretEnv = new SecretEnvPolicy(
      settings.LASTMILE_SECRET_ENV_PREFIX,
      settingList(settings.LASTMILE_SECRET_ENV_NAMES),
      reservedEnvNames,
    );
    this.keyHosts = new KeyHostBindings(settings.LASTMILE_SECRET_ENV_HOSTS ?? '');
    this.credentialHeaders = new Set(
      [...CREDENTIAL_HEADERS, ...settingList(settings.LASTMILE_CREDENTIAL_HEADERS)].map((name) =>
        name.toLowerCase(),
      ),
    );
    this.commands = new Set(settingList(settings.LASTMILE_COMMAND_ALLOWLIST));
  }

  get allowCommand(): boolean {
    return this.settings.LASTMILE_ALLOW_COMMAND_ADAPTERS;
  }

  /** Why a program may not run as a model, or null. */
  commandRefusal(program: string | undefined): string | null {
    if (!this.allowCommand)
      return 'command adapters are disabled on this server (LASTMILE_ALLOW_COMMAND_ADAPTERS=true enables them)';
    if (this.commands.size > 0 && (program === undefined || !this.commands.has(program)))
      return `${program} is not in LASTMILE_COMMAND_ALLOWLIST`;
    return null;
  }

  /**
   * Environment variable names, the hosts their keys go to, and credential headers anywhere in a
   * stored spec or scenario config (model adapters, toxicity classifiers, judges...).
   */
  specRefusals(spec: unknown): SpecRefusal[] {
    const refusals: SpecRefusal[] = [];
    for (const { path, name } of apiKeyEnvNames(spec)) {
      const reason = this.secretEnv.refusal(name);
      if (reason) refusals.push({ path, reason });
    }
    // A key the operator bound to hosts: the spec's own URL must be one of them (a default URL,
    // as a Perspective classifier's, is checked when the runner builds it and at every call).
    for (const { path, name, url } of apiKeyTargets(spec)) {
      const reason = url === undefined ? null : this.keyHosts.refusal(name, url);
      if (reason && !refusals.some((refusal) => refusal.path === path))
        refusals.push({ path, reason });
    }
    for (const { path, name } of storedHeaderNames(spec)) {
      if (this.credentialHeaders.has(name.toLowerCase()))
        refusals.push({
          path,
          reason: `${name} carries credentials: name an environment variable in apiKeyEnv and the header in apiKeyHeader`,
        });
    }
    return refusals;
  }
}
