import { z } from 'zod';

export const sliceUploadFieldsSchema = z.strictObject({
  name: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._ -]{0,127}$/,
      'must be 1–128 letters, digits, dots, dashes, underscores or spaces',
    ),
});
export type SliceUploadFields = z.output<typeof sliceUploadFieldsSchema>;

/** GET of a slice version: the assumptions of its sample-size advice (all optional). */
export const sampleSizeQuerySchema = z.strictObject({
  planId: z.uuid().optional(),
  tolerance: z.coerce.number().gt(0).lt(1).optional(),
  rate: z.coerce.number().gt(0).lt(1).optional(),
  wer: z.coerce.number().gt(0).lt(1).optional(),
  power: z.coerce.number().gt(0).lt(1).optional(),
  alpha: z.coerce.number().gt(0).lt(0.5).optional(),
  wordCorrelation: z.coerce.number().min(0).max(1).optional(),
});
export type SampleSizeQuery = z.output<typeof sampleSizeQuerySchema>;
