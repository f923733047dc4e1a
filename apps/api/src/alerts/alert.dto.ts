import { z } from 'zod';
import { ALERT_SEVERITIES, ALERT_STATUSES, ALERT_TYPES } from '@lastmile/persistence';

export const listAlertsQuerySchema = z.strictObject({
  status: z.enum(ALERT_STATUSES).optional(),
  severity: z.enum(ALERT_SEVERITIES).optional(),
  type: z.enum(ALERT_TYPES).optional(),
  /** Tenant id or slug. */
  tenant: z.string().min(1).optional(),
  model: z.uuid().optional(),
  plan: z.uuid().optional(),
  /** Incidents opened before / after this instant (ISO 8601 with an offset): by age. */
  openedBefore: z.iso.datetime({ offset: true }).optional(),
  openedAfter: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** nextCursor of the previous page. */
  cursor: z.string().min(1).optional(),
});
export type ListAlertsQuery = z.output<typeof listAlertsQuerySchema>;

export const alertNoteSchema = z
  .strictObject({ note: z.string().trim().min(1).max(2000).optional() })
  .default({});
export type AlertNoteBody = z.output<typeof alertNoteSchema>;

export const listFindingsQuerySchema = z.strictObject({
  plan: z.uuid().optional(),
  /** The incident (alert) the findings belong to. */
  alert: z.uuid().optional(),
  metric: z.string().min(1).optional(),
  kind: z.enum(ALERT_TYPES).optional(),
  /** The incident's status. */
  status: z.enum(ALERT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListFindingsQuery = z.output<typeof listFindingsQuerySchema>;
