import { z } from 'zod';
import { ROLES } from '@lastmile/persistence';
import { timestamp, uuid } from './fields';

const role = z.enum(ROLES).meta({ id: 'Role', description: 'What a key may do.' });

export const createdKeySchema = z
  .object({
    id: uuid(),
    key: z.string().meta({
      description:
        'The key itself (`lm_` + 43 characters). Shown in this response only: it is stored hashed.',
    }),
    prefix: z.string().meta({ description: 'The first characters, to recognise it in a list.' }),
    role,
    tenantId: uuid().nullable(),
    programId: uuid().nullable().meta({
      description: 'Set for researcher keys: the bias-bounty program they are bound to.',
    }),
    name: z.string().nullable(),
  })
  .meta({ id: 'CreatedApiKey', description: 'A new API key, with its value.' });

export const apiKeySchema = z
  .object({
    id: uuid(),
    name: z.string().nullable(),
    prefix: z.string(),
    role,
    tenantId: uuid().nullable().meta({
      description: 'Set for customer keys (their tenant) and tenant-bound reviewer keys.',
    }),
    programId: uuid().nullable().meta({
      description: 'Set for researcher keys: the bias-bounty program they are bound to.',
    }),
    createdAt: timestamp(),
    revokedAt: timestamp().nullable(),
  })
  .meta({ id: 'ApiKey', description: 'An API key as listed: never its value or hash.' });
