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
  /** Port of the runner's own Prometheus endpoint when it runs without the API. */
  LASTMILE_RUNNER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  LASTMILE_RUNNER_CONCURRENCY: z.coerce.number().int().positive().default(2),
  /** A running job's lock; a killed runner's run is taken up by another once it expires. */
  LASTMILE_JOB_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  /** Kills a run's job survives; one more and the run ends failed (BullMQ's maxStalledCount). */
  LASTMILE_MAX_STALLS: z.coerce.number().int().min(0).default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type AppConfig = z.infer<typeof envSchema>;
