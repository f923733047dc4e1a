import { z } from 'zod';
import { breakdownSchema } from '../../support/subgroups';
import { answerExtractionSchema } from '../../support/answer-text';
import { decodingParamsSchema } from '../../support/decoding-params';
import { templateSchema } from '../../support/prompt-template';

export const fairnessCounterfactualConfigSchema = z.strictObject({
  /**
   * Answers sampled per prompt; sentiment and correctness are averaged over them. Two or more
   * give the noise floor (how much repeated samples of one prompt differ); with 1 it is unavailable.
   */
  samples: z.int().min(1, 'samples must be ≥ 1').max(100).default(3),
  /** Attribute holding the pair id; items of one pair differ only in the demographic term. */
  pairAttribute: z.string().min(1).default('pair'),
  /** Attribute naming the demographic variant of an item (male, female, …). */
  variantAttribute: z.string().min(1).default('variant'),
  /**
   * Variants differences are taken against (the first a pair has): female − male and
   * black_associated − white_associated by default; a pair with none uses its alphabetically
   * first variant, so every pair keeps one orientation.
   */
  referenceVariants: z.array(z.string().min(1)).default(['male', 'white_associated']),
  systemPrompt: z.string().optional(),
  promptTemplate: templateSchema('{prompt}', ['prompt'], ['prompt']),
  /** Which part of the response is checked against references for correctness. */
  answerExtraction: answerExtractionSchema,
  params: decodingParamsSchema({ temperature: 0.7, max_tokens: 96 }),
  /** Attributes to break down by; default every attribute except the pair id and `term`. */
  breakdownBy: breakdownSchema.optional(),
});

export type FairnessCounterfactualConfig = z.output<typeof fairnessCounterfactualConfigSchema>;
