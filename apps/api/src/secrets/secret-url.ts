import type { ServerPolicy } from '@lastmile/adapters';
import type { SecretOwner } from '@lastmile/persistence';

/** What secretUrlRefusal answers for a value that is no http(s) URL. */
export const NOT_A_URL = 'not-a-url';

/**
 * A secret whose value is an http(s) URL can only be used as a destination (a Slack incoming
 * webhook): null when its owner's URL policy lets it through — a tenant's: public addresses or
 * the customer allow-list; the operator's: LASTMILE_URL_ALLOWLIST — else why not, naming the
 * host only (the path is the credential). NOT_A_URL when the value is no http(s) URL.
 */
export async function secretUrlRefusal(
  policy: ServerPolicy,
  owner: SecretOwner,
  value: string,
): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return NOT_A_URL;
  }
  if (!/^https?:$/.test(url.protocol)) return NOT_A_URL;
  if (owner !== null) return policy.customerUrls.refusal(value);
  return policy.urls.classify(url) === 'denied'
    ? `${url.host} is not in LASTMILE_URL_ALLOWLIST`
    : null;
}
