import { z } from 'zod';

/**
 * Decoding parameters passed through to the model API as they are. Known ones are type-checked;
 * unknown ones (presence_penalty, top_k, logprobs, ...) pass through untouched, because each
 * server has its own extensions. This is the one open object in the spec.
 */
export const decodingParamsSchema = z
  .object({
    temperature: z.number().min(0).max(2).optional(),
    max_tokens: z.int().min(1).optional(),
    top_p: z.number().min(0).max(1).optional(),
    stop: z.union([z.string(), z.array(z.string()).max(16)]).optional(),
    seed: z.int().optional(),
    n: z.int().min(1).optional(),
  })
  .catchall(z.json());

export type DecodingParams = z.output<typeof decodingParamsSchema>;
