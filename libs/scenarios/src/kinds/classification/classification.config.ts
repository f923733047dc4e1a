import { z } from 'zod';
import { breakdownSchema } from '../../support/subgroups';
import { decodingParamsSchema } from '../../support/decoding-params';
import { templateSchema } from '../../support/prompt-template';

export const classificationConfigSchema = z
  .strictObject({
    /** The answers a response may give; matched as whole words, ignoring case. */
    labels: z
      .array(z.string().min(1))
      .min(2, 'need at least two labels')
      .default(['approve', 'deny']),
    /** The label whose wrong grant is a false positive and whose wrong refusal a false rejection. */
    positiveLabel: z.string().default('approve'),
    /** Attribute naming each item's group, for per-group rates, gaps and parity. */
    groupAttribute: z.string().min(1).default('group'),
    /** Parity margin: rates within ±tolerance between groups count as equal (TOST). */
    tolerance: z
      .number()
      .gt(0, 'tolerance must be > 0')
      .lt(1, 'tolerance must be < 1')
      .default(0.05),
    /** Significance level of the parity test. */
    alpha: z.number().gt(0).lt(0.5, 'alpha must be < 0.5').default(0.05),
    systemPrompt: z.string().optional(),
    promptTemplate: templateSchema(
      '{input}\n\nAnswer with one word: {labels}.',
      ['input', 'labels'],
      ['input'],
    ),
    params: decodingParamsSchema({ temperature: 0, max_tokens: 8 }),
    breakdownBy: breakdownSchema.optional(),
  })
  .superRefine((config, ctx) => {
    if (!config.labels.includes(config.positiveLabel)) {
      ctx.addIssue({
        code: 'custom',
        path: ['positiveLabel'],
        message: `positiveLabel "${config.positiveLabel}" is not one of the labels (${config.labels.join(', ')})`,
      });
    }
    const lower = config.labels.map((l) => l.toLowerCase());
    if (new Set(lower).size !== lower.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['labels'],
        message: 'labels must differ (ignoring case)',
      });
    }
  });

export type ClassificationConfig = z.output<typeof classificationConfigSchema>;
