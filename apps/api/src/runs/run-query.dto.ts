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

export const monitoringQuerySchema = z.strictObject({
  /** Seconds to hold the answer until monitoring has ended (0: answer at once). */
  wait: z.coerce.number().min(0).max(60).default(0),
});
export type MonitoringQuery = z.output<typeof monitoringQuerySchema>;
