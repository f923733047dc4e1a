import { z } from 'zod';

export const createScenarioSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kind: z.string().min(1),
  config: z.record(z.string(), z.unknown()).default({}),
});

export type CreateScenarioBody = z.output<typeof createScenarioSchema>;
