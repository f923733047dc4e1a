import { z } from 'zod';

export interface DecodingDefaults {
  temperature: number;
  max_tokens: number;
}

/**
 * Decoding parameters with per-kind defaults. Known ones are checked; server-specific extras
 * (top_k, presence_penalty, …) pass through as the adapters' own schema allows.
 */
export function decodingParamsSchema(defaults: DecodingDefaults) {
  return z
    .object({
      temperature: z
        .number()
        .min(0, 'temperature must be ≥ 0')
        .max(2, 'temperature must be ≤ 2')
        .default(defaults.temperature),
      max_tokens: z.int('max_tokens must be an integer').min(1).default(defaults.max_tokens),
      top_p: z.number().min(0).max(1).optional(),
      stop: z.union([z.string(), z.array(z.string()).max(16)]).optional(),
      seed: z.int('seed must be an integer').optional(),
    })
    .catchall(z.json())
    .prefault({});
}

export type DecodingParams = z.output<ReturnType<typeof decodingParamsSchema>>;

/** Params for one sample: a fixed seed would make k samples identical, so it moves with the sample. */
export function paramsForSample(params: DecodingParams, sample: number): DecodingParams {
  return params.seed === undefined ? { ...params } : { ...params, seed: params.seed + sample };
}
