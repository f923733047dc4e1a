import { z } from 'zod';
import { RUN_STATUSES } from '@lastmile/persistence';

export const listRunsQuerySchema = z.strictObject({
  planId: z.uuid().optional(),
  status: z.enum(RUN_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type ListRunsQuery = z.output<typeof listRunsQuerySchema>;

export const runMetricsQuerySchema = z.strictObject({
  name: z.string().min(1).optional(),
  subgroup: z.string().min(1).optional(),
  sliceId: z.uuid().optional(),
});
export type RunMetricsQuery = z.output<typeof runMetricsQuerySchema>;
