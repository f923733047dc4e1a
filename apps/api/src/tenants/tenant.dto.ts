import { z } from 'zod';

export const createTenantSchema = z.strictObject({
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be 2–63 lowercase letters, digits or dashes'),
  name: z.string().trim().min(1).max(200),
});

export type CreateTenantBody = z.output<typeof createTenantSchema>;
