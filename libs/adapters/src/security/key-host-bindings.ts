import { AdapterConfigError } from '../errors/adapter-config-error';
import { UrlAllowlist } from '../http/url-policy';

/**
 * The operator's bindings of key variables to the hosts they may be sent to
 * (LASTMILE_SECRET_ENV_HOSTS: `LASTMILE_MODEL_KEY_OPENAI=api.openai.com
 * LASTMILE_MODEL_KEY_AZURE=*.openai.azure.com,10.1.0.0/16`; entries separated by spaces or `;`,
 * hosts by commas). A spec may name any permitted variable as its apiKeyEnv, so without a
 * binding an `ml` key could point a model's baseUrl at its own host and receive the key; a bound
 * variable goes only to a host its binding lists by name or `*.domain`, or to an IP literal in a
 * listed address or range. An unbound variable goes wherever the URL allow-list lets it.
 */
export class KeyHostBindings {
  private readonly bindings = new Map<string, UrlAllowlist>();

  constructor(text: string) {
    for (const entry of text.split(/[\s;]+/).filter((part) => part !== '')) {
      const at = entry.indexOf('=');
      const name = entry.slice(0, at);
      const hosts = entry
        .slice(at + 1)
        .split(',')
        .filter((host) => host !== '');
      if (at <= 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || hosts.length === 0)
        throw new AdapterConfigError(
          `LASTMILE_SECRET_ENV_HOSTS entry "${entry}" is not NAME=host[,host…]`,
        );
      this.bindings.set(name, new UrlAllowlist(hosts));
    }
  }

  /** The variables bound (for /health and tests). */
  get names(): string[] {
    return [...this.bindings.keys()];
  }

  /** Null when the key in `name` may be sent to `url`; otherwise why not, naming the host only. */
  refusal(name: string | undefined, url: URL | string): string | null {
    const binding = name === undefined ? undefined : this.bindings.get(name);
    if (!binding) return null;
    let target: URL;
    try {
      target = typeof url === 'string' ? new URL(withoutPlaceholders(url)) : url;
    } catch {
      return `${name} may only be sent to the hosts LASTMILE_SECRET_ENV_HOSTS binds it to, and this is no URL`;
    }
    return binding.classify(target) === 'allowed'
      ? null
      : `${name} may only be sent to the hosts LASTMILE_SECRET_ENV_HOSTS binds it to, not ${target.host}`;
  }
}

/** Every key an HTTP spec sends, with the URL it is sent to: for checks at creation. */
export function apiKeyTargets(
  value: unknown,
  path = '',
): { path: string; name: string; url: string | undefined }[] {
  if (Array.isArray(value))
    return value.flatMap((entry, i) => apiKeyTargets(entry, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own =
    typeof record.apiKeyEnv === 'string'
      ? [
          {
            path: path ? `${path}.apiKeyEnv` : 'apiKeyEnv',
            name: record.apiKeyEnv,
            url: [record.baseUrl, record.url].find((u): u is string => typeof u === 'string'),
          },
        ]
      : [];
  return [
    ...own,
    ...Object.entries(record).flatMap(([key, entry]) =>
      apiKeyTargets(entry, path ? `${path}.${key}` : key),
    ),
  ];
}

/** A URL template with its `{{placeholders}}` dropped (their origin never varies: urlTemplateSchema). */
function withoutPlaceholders(template: string): string {
  let out = '';
  let at = 0;
  for (let open = template.indexOf('{{'); open >= 0; open = template.indexOf('{{', at)) {
    const close = template.indexOf('}}', open + 2);
    if (close < 0) break;
    out += template.slice(at, open);
    at = close + 2;
  }
  return out + template.slice(at);
}
