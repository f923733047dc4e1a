import { z } from 'zod';

// Credentials belong in an environment variable named by apiKeyEnv, never in a stored spec.
const credentialHeaders = new Set(['authorization', 'proxy-authorization', 'cookie']);

export const headersSchema = z
  .record(
    z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be an HTTP header name'),
    z.string().regex(/^[^\r\n]*$/, 'must not contain line breaks'),
  )
  .refine(
    (headers) => Object.keys(headers).every((name) => !credentialHeaders.has(name.toLowerCase())),
    'credentials must not be stored in headers: name an environment variable in apiKeyEnv',
  );

/** The NAME of an environment variable holding a secret, never the secret itself. */
export const envVarNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name, not a secret');

export const httpUrlSchema = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
