import { z } from 'zod';
import { timestamp, uuid } from './fields';

export const sliceSchema = z
  .object({
    id: uuid(),
    tenantId: uuid().nullable().meta({ description: 'null for built-in slices.' }),
    programId: uuid().nullable().meta({
      description:
        "The bias-bounty program that owns the slice (its sealed pool, a researcher's items); null for every other slice.",
    }),
    name: z.string(),
    version: z.int().meta({ description: 'Starts at 1; each upload of new content adds one.' }),
    contentHash: z.string(),
    modality: z.enum(['text', 'audio']),
    itemCount: z.int(),
    attributes: z
      .record(z.string(), z.array(z.string()))
      .meta({ description: 'Attribute name → its distinct values (the subgroups).' }),
    createdAt: timestamp(),
  })
  .meta({ id: 'Slice', description: 'An immutable version of a test set.' });

const groupAdviceSchema = z
  .object({
    group: z.string(),
    items: z.int(),
    words: z.int().nullable().meta({ description: 'Reference words (speech slices only).' }),
    rateChangeMde: z.number().nullable().meta({
      description: 'Smallest rise of a 0/1 rate the drift test detects; null: none up to 100%.',
    }),
    werChangeMde: z.number().nullable(),
    parityToleranceSupported: z.number().nullable(),
    itemsForTolerance: z
      .int()
      .nullable()
      .meta({ description: 'Items per group TOST needs for the tolerance at the stated power.' }),
    enoughForTolerance: z.boolean(),
  })
  .meta({ id: 'GroupSampleSizeAdvice' });

export const sampleSizeAdviceSchema = z
  .object({
    assumptions: z.object({
      alpha: z.number(),
      power: z.number(),
      rate: z.number(),
      wer: z.number(),
      wordCorrelation: z.number(),
      tolerance: z.number(),
    }),
    overall: groupAdviceSchema,
    attributes: z.array(z.object({ attribute: z.string(), groups: z.array(groupAdviceSchema) })),
    notes: z.array(z.string()),
  })
  .meta({
    id: 'SampleSizeAdvice',
    description: 'What the slice’s group sizes can show (docs/slices.md).',
  });

export const sliceDetailSchema = sliceSchema
  .extend({ sampleSize: sampleSizeAdviceSchema })
  .meta({ id: 'SliceDetail', description: 'A slice version with its sample-size advice.' });

export const uploadedSliceSchema = sliceSchema
  .extend({
    sampleSize: sampleSizeAdviceSchema,
    created: z.boolean().meta({
      description:
        'false when this content was already uploaded under this name: that version is returned.',
    }),
  })
  .meta({ id: 'UploadedSlice', description: 'The version an upload created or matched.' });

export const sliceItemSchema = z
  .object({
    id: z.string().meta({ description: "The uploader's item id." }),
    ordinal: z
      .int()
      .meta({ description: 'Upload order: pass the last one as `after` for the next page.' }),
    input: z.string().nullable(),
    references: z.array(z.string()).nullable(),
    label: z.string().nullable(),
    attributes: z.record(z.string(), z.string()),
    audio: z
      .object({ mimeType: z.string(), durationMs: z.int().nullable() })
      .nullable()
      .meta({ description: 'For audio items: the clip, without its bytes.' }),
  })
  .meta({ id: 'SliceItem', description: 'One item of a slice, without audio bytes.' });
