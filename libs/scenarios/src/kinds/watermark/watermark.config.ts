import { z } from 'zod';
import { breakdownSchema } from '../../support/subgroups';
import { adapterSpecSchema } from '@lastmile/adapters';
import { BPE_ENCODINGS, WORD_PERTURBATIONS } from '@lastmile/metrics';
import { decodingParamsSchema } from '../../support/decoding-params';
import { templateSchema } from '../../support/prompt-template';

const perturbationSchema = z.strictObject({
  kind: z.enum(WORD_PERTURBATIONS),
  rate: z.number().gt(0, 'rate must be > 0').max(1, 'rate must be ≤ 1'),
});

export const watermarkConfigSchema = z.strictObject({
  /**
   * The scheme's secret key, as the model's provider watermarks with it. Stored with the
   * scenario: use a key meant for evaluation, not a production secret.
   */
  key: z.string().min(1).default('lastmile-demo-watermark'),
  /** Green share of the vocabulary (Kirchenbauer et al. use 0.25 and 0.5). */
  gamma: z.number().gt(0).lt(1).default(0.25),
  /** The model's tokenizer: the green lists are over its token ids. */
  encoding: z.enum(BPE_ENCODINGS).default('o200k_base'),
  /** A text is flagged when z exceeds this (the paper's 4: one false alarm in ~30,000 texts). */
  zThreshold: z.number().gt(0).default(4),
  /** Attacks on each output: detection is re-measured after each (seeded). */
  perturbations: z
    .array(perturbationSchema)
    .max(12)
    .default([
      { kind: 'delete', rate: 0.1 },
      { kind: 'insert', rate: 0.1 },
      { kind: 'swap', rate: 0.1 },
    ]),
  /** Paraphrase attack by a second model; the runner resolves it as context.paraphraser. */
  paraphrase: z.strictObject({ model: adapterSpecSchema }).optional(),
  samples: z.int().min(1).max(20).default(1),
  systemPrompt: z.string().optional(),
  promptTemplate: templateSchema('{prompt}', ['prompt'], ['prompt']),
  params: decodingParamsSchema({ temperature: 0.7, max_tokens: 300 }),
  breakdownBy: breakdownSchema.optional(),
});

export type WatermarkConfig = z.output<typeof watermarkConfigSchema>;
export type WatermarkPerturbation = z.output<typeof perturbationSchema>;

/** `detection_rate_after_delete_0.1`. */
export function perturbationMetricName(p: WatermarkPerturbation): string {
  return `detection_rate_after_${p.kind}_${p.rate}`;
}

export const PARAPHRASE_METRIC = 'detection_rate_after_paraphrase';
