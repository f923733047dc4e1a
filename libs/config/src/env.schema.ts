import { z } from 'zod';
import { DEFAULT_LASTMILE_HOME } from './database-settings';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const postgresUrl = z
  .string()
  .refine(
    (value) => /^postgres(ql)?:\/\//.test(value),
    'must be a postgres:// or postgresql:// URL',
  );

const redisUrl = z
  .string()
  .refine((value) => /^rediss?:\/\//.test(value), 'must be a redis:// or rediss:// URL');

/** 32 bytes as base64 (44 characters) or hex (64 characters). */
const secretsKey = z
  .string()
  .refine(
    (value) => decodeSecretsKey(value) !== null,
    'must be 32 random bytes as base64 or hex (e.g. `openssl rand -base64 32`)',
  );

/** The raw key bytes, or null when the text is neither 32 bytes of hex nor of base64. */
export function decodeSecretsKey(value: string): Buffer | null {
  const text = value.trim();
  if (/^[0-9a-f]{64}$/i.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/]{43}=?$/.test(text)) {
    const bytes = Buffer.from(text, 'base64');
    if (bytes.length === 32) return bytes;
  }
  return null;
}

/** PagerDuty's Events API v2: where pagerduty channels deliver unless the operator sets another. */
export const DEFAULT_PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

/** Every setting the services read from the environment, validated once at start-up. */
export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: postgresUrl.optional(),
  REDIS_URL: redisUrl.optional(),
  LASTMILE_HOME: z.string().min(1).default(DEFAULT_LASTMILE_HOME),
  LASTMILE_ADMIN_KEY: z.string().min(8, 'must be at least 8 characters').optional(),
  LASTMILE_ALLOW_COMMAND_ADAPTERS: booleanFlag.default(false),
  /** Comma-separated hosts or CIDRs model and webhook URLs may point at; empty allows all. */
  LASTMILE_URL_ALLOWLIST: z.string().default(''),
  /**
   * Hosts/CIDRs that URLs set for customer tenants (notification channels) may reach even though
   * they are loopback, link-local, private or unique-local; public addresses need no listing.
   */
  LASTMILE_CUSTOMER_URL_ALLOWLIST: z.string().default(''),
  /**
   * Where every pagerduty channel delivers (its routing key rides in the body): the operator's
   * choice, never a channel's, e.g. https://events.eu.pagerduty.com/v2/enqueue for an EU account.
   */
  LASTMILE_PAGERDUTY_EVENTS_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .default(DEFAULT_PAGERDUTY_EVENTS_URL),
  /** apiKeyEnv names (models, scorers) must start with this prefix or be listed below. */
  LASTMILE_SECRET_ENV_PREFIX: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the start of an environment variable name')
    .default('LASTMILE_MODEL_KEY_'),
  /** Further environment variable names an apiKeyEnv may name (comma or space separated). */
  LASTMILE_SECRET_ENV_NAMES: z.string().default(''),
  /**
   * Key variables bound to the hosts their keys may be sent to: `NAME=host[,host…]` entries
   * separated by spaces or `;` (hosts: names, *.domain, IPs, CIDRs). Unbound variables go to any
   * host LASTMILE_URL_ALLOWLIST allows.
   */
  LASTMILE_SECRET_ENV_HOSTS: z.string().default(''),
  /** Header names refused in stored specs, beyond the built-in credential headers. */
  LASTMILE_CREDENTIAL_HEADERS: z.string().default(''),
  /** Programs (argv[0]) command adapters may run; empty allows any once they are enabled. */
  LASTMILE_COMMAND_ALLOWLIST: z.string().default(''),
  /** 32-byte key (base64 or hex) encrypting tenant secrets at rest; see docs/security.md. */
  LASTMILE_SECRETS_KEY: secretsKey.optional(),
  /** The previous key during a key rotation: still decrypts, never encrypts. */
  LASTMILE_SECRETS_KEY_PREVIOUS: secretsKey.optional(),
  /** Shortest schedule interval a customer key may set on its plans. */
  LASTMILE_MIN_SCHEDULE_SECONDS: z.coerce.number().int().min(1).default(300),
  /** Runs a tenant's plans may start per rolling hour (manual and scheduled). */
  LASTMILE_TENANT_RUNS_PER_HOUR: z.coerce.number().int().positive().default(60),
  /** Model calls a tenant's runs may plan per rolling hour (items × samples of runs started). */
  LASTMILE_TENANT_MODEL_CALLS_PER_HOUR: z.coerce.number().int().positive().default(100_000),
  /** Answers of a judged run put in the review queue when it ends (0: no review sampling). */
  LASTMILE_REVIEW_SAMPLE_PER_RUN: z.coerce.number().int().min(0).max(10_000).default(40),
  LASTMILE_PUBLIC_URL: z.string().default(''),
  LASTMILE_GRAFANA_URL: z.string().default('http://localhost:3001'),
  LASTMILE_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(200 * 1024 * 1024),
  LASTMILE_MAX_SLICE_ITEMS: z.coerce.number().int().positive().default(200_000),
  LASTMILE_MAX_AUDIO_SECONDS: z.coerce.number().positive().default(120),
  /** JSON object of further slice limits (maxRowBytes, maxAttributes, maxUncompressedBytes, ...). */
  LASTMILE_SLICE_LIMITS: z
    .string()
    .default('{}')
    .transform((value, context) => {
      try {
        const parsed: unknown = JSON.parse(value);
        if (
          parsed &&
          typeof parsed === 'object' &&
          !Array.isArray(parsed) &&
          Object.values(parsed).every((v) => typeof v === 'number' || Array.isArray(v))
        ) {
          return parsed as Record<string, number | number[]>;
        }
      } catch {
        // reported below
      }
      context.addIssue({ code: 'custom', message: 'must be a JSON object of numeric limits' });
      return z.NEVER;
    }),
  LASTMILE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** How long a console sign-in lasts (hours) before the browser must sign in again. */
  LASTMILE_CONSOLE_SESSION_HOURS: z.coerce.number().positive().max(720).default(12),
  /**
   * Behind a TLS-terminating proxy: trust its X-Forwarded-Proto, so console cookies are Secure
   * on HTTPS requests (they always are when LASTMILE_PUBLIC_URL is https://).
   */
  LASTMILE_TRUST_PROXY: booleanFlag.default(false),
  /** Requests per minute per API key; a customer tenant's keys share one budget. */
  LASTMILE_RATE_LIMIT_PER_KEY_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** Port of the runner's own Prometheus endpoint when it runs without the API. */
  LASTMILE_RUNNER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  LASTMILE_RUNNER_CONCURRENCY: z.coerce.number().int().positive().default(2),
  /** A running job's lock; a killed runner's run is taken up by another once it expires. */
  LASTMILE_JOB_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  /** Kills a run's job survives; one more and the run ends failed (BullMQ's maxStalledCount). */
  LASTMILE_MAX_STALLS: z.coerce.number().int().min(0).default(20),
  /** How often a runner looks for runs whose job was lost, and how old such a run must be. */
  LASTMILE_LOST_RUN_SWEEP_SECONDS: z.coerce.number().int().min(1).default(20),
  LASTMILE_LOST_RUN_GRACE_SECONDS: z.coerce.number().int().min(1).default(30),
  /** Test-only fault injection (reliability specs); never set in production. */
  LASTMILE_TEST_FAULT: z.enum(['exit-after-run-commit']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type AppConfig = z.infer<typeof envSchema>;

/**
 * The service's own settings: no API input may name one of these as an apiKeyEnv or secret,
 * whatever the operator's prefix (it could be set to LASTMILE_).
 */
export const RESERVED_ENV_NAMES: readonly string[] = Object.keys(envSchema.shape);
