import type { DemoApiClient } from './demo-api-client';
import { say } from './demo-printer';

/**
 * Ready sign-in links to the console, one per person of the story: each fills the sign-in form
 * with a key of that role. The key rides in the URL's #fragment, which a browser never sends to
 * the server (nor to logs); the sign-in page's script fills it in and clears the address bar,
 * and the person presses Sign in (it never signs in by itself: that would be a login CSRF).
 */
export async function printConsoleLinks(
  api: DemoApiClient,
  adminKey: string,
  tenantSlug: string,
): Promise<void> {
  const link = (key: string, next: string) =>
    `${api.baseUrl}/console/sign-in?next=${encodeURIComponent(next)}#key=${encodeURIComponent(key)}`;
  const key = async (role: string, tenant?: string) =>
    (
      await api.post<{ key: string }>('/v1/keys', {
        role,
        name: `demo console (${role})`,
        ...(tenant ? { tenant } : {}),
      })
    ).key;
  say(
    `console: ${api.baseUrl}/console — sign in with any API key, or open a ready link (it fills in the key; press Sign in):`,
  );
  say(`  on-call (the incident inbox): ${link(await key('oncall'), '/console/alerts')}`);
  say(`  ML team (plans, compare two runs): ${link(await key('ml'), '/console/plans')}`);
  const tenant = await api
    .get<{ slug: string; name: string }>(`/v1/tenants/${tenantSlug}`)
    .catch(() => null);
  if (tenant)
    say(
      `  ${tenant.name} (its slices, upload, results): ${link(await key('customer', tenant.slug), '/console/slices')}`,
    );
  say(`  admin: ${link(adminKey, '/console')}`);
}
