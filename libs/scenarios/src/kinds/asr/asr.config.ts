import { NORMALIZER_NAMES, parseGlm } from '@lastmile/metrics';
import { z } from 'zod';
import { breakdownSchema } from '../../support/subgroups';

const normalizationSchema = z
  .strictObject({
    unicodeForm: z.enum(['NFC', 'NFKC', 'none']).default('NFC'),
    lowercase: z.boolean().default(true),
    stripPunctuation: z.boolean().default(true),
    whitespace: z.enum(['collapse', 'keep']).default('collapse'),
  })
  .prefault({});

const glmSchema = z.string().superRefine((text, ctx) => {
  try {
    parseGlm(text);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

export const asrConfigSchema = z
  .strictObject({
    /** Applied identically to reference and hypothesis; its versioned id is stored per instance. */
    normalization: normalizationSchema,
    /**
     * A named, versioned normalizer ('none', 'basic', 'english-v1' = Whisper's English rules)
     * that replaces `normalization`; raw and normalized texts are then stored per item.
     */
    normalizer: z
      .enum(NORMALIZER_NAMES, { error: `normalizer must be one of ${NORMALIZER_NAMES.join(', ')}` })
      .optional(),
    /** SCTK GLM text (alternates such as `OKAY => {OK / OKAY} / [ ] __ [ ]`), applied for WER. */
    glm: glmSchema.optional(),
    /** 'sclite' reproduces NIST sclite's counts; 'unit' is plain Levenshtein (jiwer). */
    costs: z
      .enum(['sclite', 'unit'], { error: "costs must be 'sclite' or 'unit'" })
      .default('sclite'),
    /** Count spaces as characters in CER (jiwer does; sclite -c does not). */
    cerCountSpaces: z.boolean().default(false),
    /**
     * 'text' (default): the response is the transcript. 'json': `{"text": "...",
     * "confidence": 0.87}`, for adapters that report the recognizer's confidence (an HTTP
     * service, or pocketsphinx through a command adapter with `output: 'pocketsphinx-time'`).
     */
    response: z.enum(['text', 'json']).default('text'),
    /** Compute label-free acoustic and behaviour signals from each item's audio (default true). */
    labelFreeSignals: z.boolean().default(true),
    /** Attributes whose largest WER/CER gap across values is reported (`wer_gap:accent`). */
    gapAttributes: z.array(z.string().min(1)).default(['accent']),
    /** Utterances sharing the first of these attributes are resampled together (speaker, session). */
    blockAttributes: z.array(z.string().min(1)).default(['speaker', 'session']),
    /**
     * Attributes to break down by; default every attribute except the block attributes other
     * than `speaker` (per-speaker rows are reported; sessions are only resampling units).
     */
    breakdownBy: breakdownSchema.optional(),
    /** Passed to the transcription API as they are (language, prompt, temperature…). */
    params: z.record(z.string(), z.json()).default({}),
  })
  .refine((config) => !(config.glm !== undefined && config.costs === 'unit'), {
    message: 'a glm is applied with sclite costs only',
    path: ['glm'],
  });

export type AsrConfig = z.output<typeof asrConfigSchema>;
