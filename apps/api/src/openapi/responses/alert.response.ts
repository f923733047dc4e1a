import { z } from 'zod';
import { jsonObject, timestamp, uuid } from './fields';

export const alertSchema = z
  .object({
    id: uuid(),
    dedupKey: z.string(),
    type: z
      .enum([
        'drift',
        'fairness_gap',
        'disparity_drift',
        'condition_drift',
        'judge_drift',
        'health',
        'cusum',
      ])
      .meta({ description: 'The cause: one open incident per cause, plan and slice.' }),
    status: z.enum(['open', 'acknowledged', 'resolved']),
    severity: z.enum(['info', 'warning', 'critical']),
    planId: uuid(),
    modelId: uuid(),
    tenantId: uuid().nullable(),
    sliceId: uuid().nullable(),
    subgroup: z.string().meta({ description: "The headline finding's subgroup." }),
    metric: z.string().meta({ description: "The headline finding's metric." }),
    title: z.string(),
    evidence: jsonObject(
      'The test that raised it: baseline and current values, intervals, p-value.',
    ),
    lastRunId: uuid().nullable(),
    seenCount: z.int(),
    cleanRuns: z
      .int()
      .meta({ description: 'Consecutive runs without the finding (auto-resolve).' }),
    openedAt: timestamp(),
    lastSeenAt: timestamp(),
    acknowledgedAt: timestamp().nullable(),
    resolvedAt: timestamp().nullable(),
  })
  .meta({
    id: 'Alert',
    description:
      "An incident: one cause on one plan's slice, with its findings (metric × subgroup × test) inside.",
  });

export const findingSchema = z
  .object({
    id: z.string().meta({ description: 'A 64-bit integer, as a string.' }),
    alertId: uuid(),
    runId: uuid().nullable(),
    kind: z.string().meta({
      description:
        'drift, cusum, fairness_gap, disparity_drift, condition_drift, judge_drift or health.',
    }),
    metric: z.string(),
    subgroup: z.string(),
    severity: z.enum(['info', 'warning', 'critical']),
    title: z.string(),
    test: z.string().nullable(),
    pValue: z.number().nullable(),
    qValue: z.number().nullable(),
    effect: z
      .number()
      .nullable()
      .meta({ description: 'The change, gap or contrast in metric units, positive = worse.' }),
    rank: z.int().meta({ description: '1 = worst finding of the run in its incident.' }),
    evidence: jsonObject('Baseline and current values with intervals, the test, worst items.'),
    createdAt: timestamp(),
  })
  .meta({ id: 'Finding', description: 'What one test of one run found, inside an incident.' });

export const alertPageSchema = z
  .object({
    items: z.array(alertSchema),
    nextCursor: z.string().nullable().meta({
      description: 'Pass as `cursor` for the next page; null on the last page.',
    }),
  })
  .meta({ id: 'AlertPage', description: 'A page of alerts, newest activity first.' });

const alertEvent = z
  .object({
    id: z.string().meta({ description: 'A 64-bit integer, as a string.' }),
    alertId: uuid(),
    event: z.string().meta({
      description: 'opened, updated, escalated, acknowledged, resolved or reopened.',
    }),
    actorKeyId: uuid()
      .nullable()
      .meta({ description: 'The key of the person; null for the monitor.' }),
    note: z.string().nullable(),
    runId: uuid().nullable(),
    at: timestamp(),
  })
  .meta({ id: 'AlertEvent', description: "One step of the alert's history." });

const notification = z
  .object({
    id: z.string().meta({ description: 'A 64-bit integer, as a string.' }),
    alertId: uuid(),
    channelKey: z.string(),
    event: z.string(),
    idempotencyKey: z.string().meta({ description: 'The same on every retry of one delivery.' }),
    attempt: z.int(),
    status: z.enum(['delivered', 'failed']),
    responseStatus: z.int().nullable(),
    error: z.string().nullable(),
    at: timestamp(),
  })
  .meta({
    id: 'AlertNotification',
    description: 'One delivery attempt of an alert event to a channel.',
  });

export const alertDetailSchema = alertSchema
  .extend({
    findings: z.array(findingSchema).meta({ description: "The latest run's findings, ranked." }),
    events: z.array(alertEvent),
    notifications: z.array(notification),
  })
  .meta({
    id: 'AlertDetail',
    description: 'An alert with its history and every notification attempt.',
  });
