import { z } from 'zod';
import { RUN_STATUSES } from '@lastmile/persistence';
import { jsonObject, timestamp, uuid } from './fields';

const provenance = z
  .looseObject({
    modelSpecHash: z.string(),
    sliceHashes: z.record(z.string(), z.string()),
    scenarioKind: z.string(),
    scenarioVersion: z.string(),
    harnessVersion: z.string(),
    seed: z.int(),
  })
  .meta({ id: 'Provenance', description: 'What exactly ran: enough to reproduce the run.' });

export const runSchema = z
  .object({
    id: uuid(),
    planId: uuid().nullable(),
    modelId: uuid(),
    scenarioId: uuid().nullable(),
    tenantId: uuid().nullable(),
    status: z.enum(RUN_STATUSES).meta({
      id: 'RunStatus',
      description: 'queued → running → succeeded | partial | failed | cancelled.',
    }),
    trigger: z.enum(['schedule', 'manual', 'cli']),
    total: z.int().meta({ description: 'Model calls planned.' }),
    done: z.int(),
    errors: z.int(),
    provenance: provenance.nullable(),
    errorSummary: jsonObject('Why the run failed, or its errors by code.').nullable(),
    cancelRequested: z.boolean(),
    queuedAt: timestamp(),
    startedAt: timestamp().nullable(),
    finishedAt: timestamp().nullable(),
  })
  .meta({ id: 'Run', description: 'One evaluation run of a plan (or of the CLI).' });

export const runMetricSchema = z
  .object({
    slice: uuid().meta({ description: 'The slice the metric was computed on.' }),
    subgroup: z.string().meta({ description: '`all`, or `attribute=value`.' }),
    name: z.string(),
    value: z.number().nullable(),
    ciLow: z.number().nullable(),
    ciHigh: z.number().nullable(),
    n: z.int(),
    at: timestamp(),
  })
  .meta({
    id: 'RunMetric',
    description: 'One metric of a run, on one slice and subgroup, with its interval.',
  });
