import { z } from 'zod';
import { timestamp, uuid } from './fields';

export const tenantSchema = z
  .object({
    id: uuid(),
    slug: z
      .string()
      .meta({ description: 'URL-safe handle, usable wherever a path takes {tenant}.' }),
    name: z.string(),
    createdAt: timestamp(),
  })
  .meta({ id: 'Tenant', description: 'A customer organisation.' });
