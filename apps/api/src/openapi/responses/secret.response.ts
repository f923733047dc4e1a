import { z } from 'zod';
import { timestamp } from './fields';

export const secretSchema = z
  .object({ name: z.string(), createdAt: timestamp(), rotatedAt: timestamp() })
  .meta({ id: 'Secret', description: 'A stored secret: its name and dates, never its value.' });
