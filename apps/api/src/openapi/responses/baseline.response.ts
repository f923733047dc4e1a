import { z } from 'zod';
import { timestamp, uuid } from './fields';

export const baselineSchema = z
  .object({
    id: uuid(),
    sliceId: uuid(),
    subgroup: z.string(),
    metric: z.string(),
    versionKey: z.string().meta({
      description: 'Model spec hash + slice content hash: a new version starts a new baseline.',
    }),
    runIds: z.array(uuid()),
    runValues: z.array(z.number()).meta({ description: 'The metric in each baseline run.' }),
    value: z.number().nullable(),
    ciLow: z.number().nullable(),
    ciHigh: z.number().nullable(),
    pinned: z.boolean(),
    updatedAt: timestamp(),
    complete: z
      .boolean()
      .meta({ description: "Whether it has as many runs as the plan's policy asks." }),
  })
  .meta({
    id: 'Baseline',
    description: 'What one metric of one slice and subgroup is compared with.',
  });
