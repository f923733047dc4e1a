import { z } from 'zod';
import { ROLES } from '@lastmile/persistence';

export const createKeySchema = z
  .strictObject({
    role: z.enum(ROLES),
    tenant: z.string().min(1).optional(),
    name: z.string().trim().min(1).max(200).optional(),
    /** The bias-bounty program a researcher key is bound to (its name is the researcher's credit). */
    program: z.uuid().optional(),
  })
  .refine((body) => (body.role === 'customer') === (body.tenant !== undefined), {
    path: ['tenant'],
    message: 'a customer key needs a tenant, and only a customer key has one',
  })
  .refine((body) => (body.role === 'researcher') === (body.program !== undefined), {
    path: ['program'],
    message: 'a researcher key needs a program, and only a researcher key has one',
  });

export type CreateKeyBody = z.output<typeof createKeySchema>;
