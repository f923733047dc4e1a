import type { AppConfig } from '@lastmile/config';

export const SESSION_COOKIE = 'lastmile_session';
/** The sign-in form's own CSRF token (double submit): there is no session to hold it yet. */
export const SIGN_IN_COOKIE = 'lastmile_signin';

interface CookieRequest {
  headers: Record<string, string | string[] | undefined>;
  secure?: boolean;
}

/** Cookies of a request, by name (the first of a repeated name wins). */
export function readCookies(request: CookieRequest): Map<string, string> {
  const cookies = new Map<string, string>();
  const header = request.headers.cookie;
  for (const part of (Array.isArray(header) ? header.join(';') : (header ?? '')).split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    if (!name || cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(part.slice(at + 1).trim()));
    } catch {
      // a malformed value is no cookie of ours
    }
  }
  return cookies;
}

/** HTTPS as the browser sees it: the public URL says so, or a trusted proxy's forwarded proto. */
export function isHttps(config: AppConfig, request: CookieRequest): boolean {
  if (config.LASTMILE_PUBLIC_URL.startsWith('https://')) return true;
  if (request.secure) return true;
  const forwarded = request.headers['x-forwarded-proto'];
  return (
    config.LASTMILE_TRUST_PROXY &&
    String(Array.isArray(forwarded) ? forwarded[0] : (forwarded ?? ''))
      .split(',')[0]
      .trim() === 'https'
  );
}

/**
 * A Set-Cookie value: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends
 * it), Path=/, Secure over HTTPS, and Max-Age (0 deletes it).
 */
export function cookieHeader(
  name: string,
  value: string,
  options: { maxAgeSeconds: number; secure: boolean },
): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}
