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
