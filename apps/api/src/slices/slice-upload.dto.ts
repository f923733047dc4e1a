import { z } from 'zod';

export const sliceUploadFieldsSchema = z.strictObject({
  name: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._ -]{0,127}$/,
      'must be 1–128 letters, digits, dots, dashes, underscores or spaces',
    ),
  /** 'monitoring': unlabelled recordings (audio rows may omit `reference`), label-free signals only. */
  purpose: z
    .enum(['evaluation', 'monitoring'], { error: "must be 'evaluation' or 'monitoring'" })
    .default('evaluation'),
});
export type SliceUploadFields = z.output<typeof sliceUploadFieldsSchema>;
