import { z } from 'zod';

/**
 * Headers that carry credentials: never stored in a spec (specs are read back by their callers),
 * the key comes from an operator-set environment variable named by apiKeyEnv, sent in the header
 * apiKeyHeader names. Operators add their own with LASTMILE_CREDENTIAL_HEADERS.
 */
export const CREDENTIAL_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-api-key',
  'api-key',
  'x-auth-token',
  'x-access-token',
  'x-goog-api-key',
  'ocp-apim-subscription-key',
  'x-amz-security-token',
];
const credentialHeaders = new Set(CREDENTIAL_HEADERS);

/** Every header name stored in a spec or config, at any depth, with its path. */
export function storedHeaderNames(value: unknown, path = ''): { path: string; name: string }[] {
  if (Array.isArray(value))
    return value.flatMap((entry, i) => storedHeaderNames(entry, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, entry]) => {
    const at = path ? `${path}.${key}` : key;
    if (key === 'headers' && entry && typeof entry === 'object' && !Array.isArray(entry))
      return Object.keys(entry).map((name) => ({ path: `${at}.${name}`, name }));
    return storedHeaderNames(entry, at);
  });
}

export const headersSchema = z
  .record(
    z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be an HTTP header name'),
    z.string().regex(/^[^\r\n]*$/, 'must not contain line breaks'),
  )
  .refine(
    (headers) => Object.keys(headers).every((name) => !credentialHeaders.has(name.toLowerCase())),
    'credentials must not be stored in headers: name an environment variable in apiKeyEnv (and the header in apiKeyHeader)',
  );

/** The NAME of an environment variable holding a secret, never the secret itself. */
export const envVarNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name, not a secret');

export const httpUrlSchema = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** A header that carries the key read from apiKeyEnv instead of `Authorization: Bearer`. */
export const apiKeyHeaderSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]+$/, 'must be an HTTP header name');
