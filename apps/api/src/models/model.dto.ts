import { z } from 'zod';
import { adapterSpecSchema } from '@lastmile/adapters';

export const createModelSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  version: z.string().trim().min(1).max(100),
  modality: z.enum(['text', 'speech']),
  adapter: adapterSpecSchema,
  defaultParams: z.record(z.string(), z.json()).default({}),
});

export type CreateModelBody = z.output<typeof createModelSchema>;
