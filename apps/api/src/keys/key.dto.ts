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
  // A reviewer key may be bound to a tenant (it then reviews that tenant's runs only).
  .refine(
    (body) =>
      body.role === 'reviewer' || (body.role === 'customer') === (body.tenant !== undefined),
    {
      path: ['tenant'],
      message: 'a customer key needs a tenant, and only customer and reviewer keys have one',
    },
  )
  .refine((body) => (body.role === 'researcher') === (body.program !== undefined), {
    path: ['program'],
    message: 'a researcher key needs a program, and only a researcher key has one',
  });

export type CreateKeyBody = z.output<typeof createKeySchema>;
