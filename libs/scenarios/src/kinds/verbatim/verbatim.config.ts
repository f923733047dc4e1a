import { z } from 'zod';
import { breakdownSchema } from '../../support/subgroups';
import { BPE_ENCODINGS, CODE_LANGUAGES } from '@lastmile/metrics';
import { decodingParamsSchema } from '../../support/decoding-params';
import { templateSchema } from '../../support/prompt-template';

export const verbatimConfigSchema = z.strictObject({
  /** What the prefix is counted in: whitespace-separated words or BPE tokens of `encoding`. */
  unit: z.enum(['words', 'tokens'], { error: "unit must be 'words' or 'tokens'" }).default('words'),
  /** Length of the prefix the model is prompted with, in `unit`s. */
  prefixLength: z.int().min(1).max(10_000).default(32),
  encoding: z.enum(BPE_ENCODINGS).default('o200k_base'),
  /**
   * A sample is a verbatim copy when its longest common substring with the true continuation
   * reaches this many tokens (Treebank words; for code, normalized code tokens), or the whole
   * continuation when it is shorter. 50 follows Carlini et al. (2023), "Quantifying memorization
   * across neural language models".
   */
  verbatimTokens: z.int().min(1).default(50),
  /** HELM's normalize_newline_space_tab (off by default, as in HELM's copyright run spec). */
  normalizeWhitespace: z.boolean().default(false),
  /** Language of items without a `language` attribute: turns on identifier-normalized metrics. */
  language: z.enum(CODE_LANGUAGES).optional(),
  samples: z.int().min(1).max(20).default(1),
  systemPrompt: z.string().optional(),
  /** The prefix alone by default, as HELM's copyright scenario prompts. */
  promptTemplate: templateSchema('{prefix}', ['prefix'], ['prefix']),
  params: decodingParamsSchema({ temperature: 0.2, max_tokens: 256 }),
  breakdownBy: breakdownSchema.optional(),
});

export type VerbatimConfig = z.output<typeof verbatimConfigSchema>;
