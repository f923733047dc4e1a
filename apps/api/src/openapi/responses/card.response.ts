import { z } from 'zod';
import { timestamp, uuid } from './fields';

// Service cards (libs/reports/src/cards/card-types.ts, docs/service-cards.md): generated from
// stored results on every request. Every number carries its sentence (`text`, `gapText`, …).

const interval = {
  value: z.number().nullable(),
  ciLow: z.number().nullable().meta({ description: 'Lower end of the 95% interval.' }),
  ciHigh: z.number().nullable().meta({ description: 'Upper end of the 95% interval.' }),
  n: z.int().meta({ description: 'Items the value was computed on.' }),
};

const cardMetricFields = {
  metric: z.string(),
  subgroup: z
    .string()
    .meta({ description: '`all`, `attribute=value`, a cell `a=x&b=y`, or a watched `watch:…`.' }),
  ...interval,
  direction: z.enum(['higher_is_better', 'lower_is_better']),
  statKind: z.enum(['proportion', 'ratio', 'mean']),
  descriptive: z
    .boolean()
    .meta({ description: 'A share that describes the data; it has no better direction.' }),
  text: z.string().meta({ description: 'The value and what its interval says, in words.' }),
};

const cardMetricSchema = z
  .object(cardMetricFields)
  .meta({ id: 'CardMetric', description: 'One number of a card, with its 95% interval.' });

const cardFairnessSchema = z
  .object({
    metric: z.string(),
    attribute: z.string(),
    gap: z
      .object(interval)
      .meta({ description: 'Worst group minus best (never negative), with its 95% interval.' }),
    worst: z.string().nullable().meta({ description: 'The worst group (its attribute value).' }),
    best: z.string().nullable(),
    verdict: z.enum([
      'parity_shown',
      'inconclusive',
      'disparity_detected',
      'no_tolerance',
      'not_enough_groups',
    ]),
    tolerance: z.number().nullable(),
    verdictInterval: z
      .object({ low: z.number(), high: z.number(), confidence: z.number() })
      .nullable()
      .meta({ description: 'The interval the verdict was read from (0.9 for a TOST at α 0.05).' }),
    verdictText: z.string(),
    gapText: z.string(),
  })
  .meta({ id: 'CardFairness', description: 'A gap across the groups of one attribute.' });

const cardEvaluationSchema = z
  .object({
    planId: uuid(),
    planName: z.string(),
    scenario: z.object({
      id: uuid(),
      name: z.string(),
      kind: z.string(),
      version: z.string().nullable(),
    }),
    slice: z.object({
      id: uuid(),
      name: z.string(),
      version: z.int(),
      items: z.int(),
      public: z
        .boolean()
        .meta({ description: "A built-in slice (false: the customer's own tenant's)." }),
      conditions: z
        .array(
          z.object({
            attribute: z.string(),
            groups: z.array(z.object({ value: z.string(), n: z.int() })),
          }),
        )
        .meta({ description: 'Each attribute of the slice, with the items scored per value.' }),
    }),
    run: z.object({
      id: uuid(),
      status: z.string(),
      finishedAt: timestamp(),
      seed: z.int(),
      sampleSize: z.int().nullable(),
      harnessVersion: z.string().nullable(),
      modelSpecHash: z.string().nullable(),
    }),
    headline: z.array(cardMetricSchema),
    groups: z.array(
      z.object({
        metric: z.string(),
        attribute: z.string(),
        rows: z.array(cardMetricSchema),
        overall: cardMetricSchema.nullable(),
      }),
    ),
    fairness: z.array(cardFairnessSchema),
    watched: z
      .array(
        z.object({
          ...cardMetricFields,
          predicate: z.string(),
          credit: z.string().meta({ description: 'The researcher who found it.' }),
        }),
      )
      .meta({ description: 'Accepted bias-bounty findings the plan watches.' }),
  })
  .meta({
    id: 'CardEvaluation',
    description: 'The latest finished run of a plan on one slice.',
  });

const cardComparisonSchema = z
  .object({
    other: z.object({
      modelId: uuid(),
      name: z.string(),
      version: z.string(),
      contentHash: z.string(),
    }),
    adapterSpecChanged: z.boolean(),
    intendedUseChanged: z
      .array(z.enum(['intendedUse', 'outOfScope', 'contact']))
      .meta({ description: 'The hand-written fields that differ.' }),
    onlyHere: z
      .array(z.string())
      .meta({ description: 'Evaluations (scenario on slice) only this card has.' }),
    onlyThere: z.array(z.string()),
    changes: z.array(
      z.object({
        scenario: z.string(),
        slice: z.string(),
        metric: z.string(),
        subgroup: z.string(),
        here: z.object(interval),
        there: z.object(interval),
        difference: z
          .object({
            value: z.number(),
            low: z.number(),
            high: z.number(),
            method: z.enum(['newcombe', 'normal']),
          })
          .nullable()
          .meta({ description: 'This model minus the other, with its 95% interval.' }),
        verdict: z.enum(['better', 'worse', 'no clear change', 'not comparable']),
        text: z.string(),
      }),
    ),
  })
  .meta({
    id: 'CardComparison',
    description: 'What changed against another model (version), metric by metric, with intervals.',
  });

export const serviceCardSchema = z
  .object({
    format: z.literal('lastmile.service-card/1'),
    generatedAt: timestamp(),
    cardId: uuid().nullable().meta({
      description:
        'The recorded version of this card (`GET /v1/models/{id}/cards/{cardId}`); null for a card not recorded (the other side of a comparison).',
    }),
    identity: z.object({
      versionKey: z.string().meta({
        description:
          'The version: a hash of the model version, the set of runs summarized and the hand-written notes. The same runs regenerated on another day are the same version. Cards recorded before versions were keyed this way have `legacy:<content hash>`.',
      }),
      contentHash: z
        .string()
        .meta({ description: 'Hash of what the card says (not when it was generated).' }),
      runsHash: z.string().meta({ description: 'Hash of the ids of the runs summarized.' }),
      runIds: z.array(uuid()),
    }),
    scope: z.object({
      kind: z.enum(['all', 'tenant']),
      text: z.string(),
    }),
    model: z.object({
      id: uuid(),
      name: z.string(),
      version: z.string(),
      modality: z.string(),
      adapterSpecHash: z.string(),
      registeredAt: timestamp(),
      firstEvaluatedAt: timestamp().nullable(),
      lastEvaluatedAt: timestamp().nullable(),
      finishedRuns: z.int(),
    }),
    intendedUse: z
      .object({
        intendedUse: z.string().nullable(),
        outOfScope: z.string().nullable(),
        contact: z.string().nullable(),
        updatedAt: timestamp().nullable(),
      })
      .meta({ description: 'The only hand-written part (`PATCH /v1/models/{id}`).' }),
    evaluations: z.array(cardEvaluationSchema),
    drift: z.object({
      windowDays: z.int(),
      since: timestamp(),
      open: z.int(),
      resolved: z.int(),
      incidents: z.array(
        z.object({
          id: uuid(),
          type: z.string(),
          status: z.string(),
          severity: z.string(),
          title: z.string(),
          openedAt: timestamp(),
          resolvedAt: timestamp().nullable(),
          planId: uuid(),
          planName: z.string(),
          slice: z.string().nullable().meta({ description: '`name vN`.' }),
        }),
      ),
    }),
    limitations: z.array(
      z.object({
        kind: z.enum([
          'no_evaluation',
          'worst_group',
          'underpowered_group',
          'scenario_never_run',
          'plan_never_finished',
          'drift_condition',
        ]),
        text: z.string(),
      }),
    ),
    reproduce: z.object({
      harnessVersions: z.array(z.string()),
      plans: z.array(
        z.object({
          planId: uuid(),
          planName: z.string(),
          seed: z.int(),
          sampleSize: z.int().nullable(),
          scenario: z.string(),
          slices: z.array(z.string()),
          runIds: z.array(uuid()),
        }),
      ),
    }),
    comparison: cardComparisonSchema.optional().meta({ description: 'With `compareTo` only.' }),
  })
  .meta({
    id: 'ServiceCard',
    description:
      "A model's service card, generated from stored results in the caller's scope (docs/service-cards.md).",
  });

export const cardVersionSchema = z
  .object({
    id: uuid().meta({ description: 'The `cardId` to fetch it by.' }),
    versionKey: z.string().meta({
      description:
        'Model version, runs summarized and hand-written notes, hashed (`identity.versionKey`).',
    }),
    runsHash: z.string().meta({ description: 'Names the set of runs the card summarizes.' }),
    contentHash: z.string().meta({ description: 'What its latest generation says.' }),
    runIds: z.array(uuid()),
    generatedAt: timestamp().meta({ description: 'When this version was first generated.' }),
    lastGeneratedAt: timestamp().meta({
      description: 'Its latest generation: the stored content.',
    }),
    generationCount: z.int(),
  })
  .meta({
    id: 'ServiceCardVersion',
    description:
      "A version of the model's card in this scope (without its content): one per model version, set of runs and notes.",
  });

export const modelCardNotesSchema = z
  .object({
    id: uuid().meta({ description: "The model's id." }),
    card: z.object({
      intendedUse: z.string().nullable(),
      outOfScope: z.string().nullable(),
      contact: z.string().nullable(),
      updatedAt: timestamp(),
    }),
  })
  .meta({
    id: 'ModelCardNotes',
    description: "The hand-written part of a model's service card, as it now stands.",
  });
