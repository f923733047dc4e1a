import { z } from 'zod';
import { timestamp } from './fields';

const dependency = z
  .object({
    status: z.enum(['up', 'down']),
    error: z.string().optional(),
    detail: z.unknown().optional(),
  })
  .meta({ id: 'DependencyHealth' });

export const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded', 'down']).meta({
      description:
        'down (503): the database or queue is unreachable. degraded: failing notification channels or legacy secrets.',
    }),
    process: z.object({ status: z.literal('up'), uptimeSeconds: z.int() }),
    database: dependency,
    queue: dependency,
    notifications: z.object({
      failingChannels: z.array(
        z.object({
          channel: z.string(),
          lastError: z.string().nullable(),
          lastAttemptAt: timestamp(),
        }),
      ),
    }),
    security: z.object({
      legacySecrets: z.array(z.object({ problem: z.string(), plans: z.int(), models: z.int() })),
    }),
  })
  .meta({ id: 'Health', description: 'Liveness and readiness of the API and what it depends on.' });
