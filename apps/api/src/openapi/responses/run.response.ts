import { z } from 'zod';
import { RUN_STATUSES } from '@lastmile/persistence';
import { METRIC_UNITS } from '@lastmile/scenarios';
import { jsonObject, timestamp, uuid } from './fields';

const provenance = z
  .looseObject({
    modelSpecHash: z.string(),
    sliceHashes: z.record(z.string(), z.string()),
    scenarioKind: z.string(),
    scenarioVersion: z.string(),
    harnessVersion: z.string(),
    seed: z.int(),
    scoring: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ description: 'What decides the scoring (normalizer, judge): in the baseline key.' }),
    scoringHash: z.string().optional(),
  })
  .meta({ id: 'Provenance', description: 'What exactly ran: enough to reproduce the run.' });

const FINDING_KINDS = [
  'drift',
  'cusum',
  'fairness_gap',
  'disparity_drift',
  'condition_drift',
  'judge_drift',
  'health',
] as const;

export const runMonitoringSchema = z
  .object({
    status: z.enum(['pending', 'done', 'failed', 'skipped']).meta({
      description:
        'pending: the run has ended, its monitoring not yet; done; failed (logged; the run is unaffected); skipped.',
    }),
    finishedAt: timestamp().optional(),
    incidents: z
      .array(
        z.object({
          id: uuid(),
          type: z.enum(FINDING_KINDS),
          action: z.string().meta({ description: 'open, seen, escalate, reopen, resolve…' }),
          severity: z.enum(['info', 'warning', 'critical']),
          findings: z.int(),
        }),
      )
      .optional()
      .meta({ description: 'Incidents this run opened, saw again, escalated or reopened.' }),
    underpowered: z
      .array(
        z.object({
          kind: z.enum(['drift', 'disparity_drift']),
          sliceId: uuid(),
          metric: z.string(),
          subgroup: z.string(),
          n: z.int(),
          mde: z.number().nullable().meta({
            description: 'Smallest change detected with 80% power at α; null: unreachable.',
          }),
          status: z.enum(['tested', 'underpowered', 'too_small']),
        }),
      )
      .optional()
      .meta({ description: 'Tests short of power (MDE above minEffect) or too small to run.' }),
    comparisons: z.int().optional().meta({
      description:
        'How many (slice, metric, subgroup) comparisons with a baseline the monitor recorded (the run report shows them).',
    }),
    error: z.string().optional(),
  })
  .meta({ id: 'RunMonitoring', description: "What the run's drift monitoring concluded." });

export const runMonitoringAnswerSchema = runMonitoringSchema
  .extend({ runId: uuid(), runStatus: z.enum(RUN_STATUSES) })
  .meta({ id: 'RunMonitoringAnswer' });

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
    monitoring: runMonitoringSchema.nullable(),
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
    unit: z
      .enum(METRIC_UNITS)
      .meta({ description: 'What the value measures: a rate is a fraction shown as a percent.' }),
    at: timestamp(),
  })
  .meta({
    id: 'RunMetric',
    description: 'One metric of a run, on one slice and subgroup, with its interval.',
  });
