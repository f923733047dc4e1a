import { z } from 'zod';

/** Secret names as channels reference them: short, URL-safe, not a value. */
export const SECRET_NAME = /^[a-z0-9][a-z0-9_.-]{0,62}$/;

export const secretNameSchema = z
  .string()
  .regex(SECRET_NAME, 'must be 1–63 lowercase letters, digits, dots, dashes or underscores');

export const putSecretSchema = z.strictObject({
  /** Write-only: stored sealed, never returned, listed by name and date only. */
  value: z.string().min(1, 'must not be empty').max(4096),
});

export type PutSecretBody = z.output<typeof putSecretSchema>;
