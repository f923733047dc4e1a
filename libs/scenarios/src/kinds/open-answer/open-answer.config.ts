import { z } from 'zod';
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
  breakdownBy: z.array(z.string()).optional(),
});

export type OpenAnswerConfig = z.output<typeof openAnswerConfigSchema>;
