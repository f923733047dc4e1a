import { z } from 'zod';
import { breakdownSchema } from '../../support/subgroups';
import { judgeConfigSchema } from '../../judges/judge-config';
import { decodingParamsSchema } from '../../support/decoding-params';
import { templateSchema } from '../../support/prompt-template';

export const openAnswerConfigSchema = z.strictObject({
  /** The judge that scores every answer (required: this kind has no other scorer). */
  judge: judgeConfigSchema,
  systemPrompt: z.string().optional(),
  promptTemplate: templateSchema(
    'Answer the question in a few sentences.\n\n{question}',
    ['question'],
    ['question'],
  ),
  params: decodingParamsSchema({ temperature: 0, max_tokens: 300 }),
  breakdownBy: breakdownSchema.optional(),
});

export type OpenAnswerConfig = z.output<typeof openAnswerConfigSchema>;
