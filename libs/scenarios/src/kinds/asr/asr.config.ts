import { z } from 'zod';

const normalizationSchema = z
  .strictObject({
    unicodeForm: z.enum(['NFC', 'NFKC', 'none']).default('NFC'),
    lowercase: z.boolean().default(true),
    stripPunctuation: z.boolean().default(true),
    whitespace: z.enum(['collapse', 'keep']).default('collapse'),
  })
  .prefault({});

export const asrConfigSchema = z.strictObject({
  /** Applied identically to reference and hypothesis; its versioned id is stored per instance. */
  normalization: normalizationSchema,
  /** 'sclite' reproduces NIST sclite's counts; 'unit' is plain Levenshtein (jiwer). */
  costs: z
    .enum(['sclite', 'unit'], { error: "costs must be 'sclite' or 'unit'" })
    .default('sclite'),
  /** Count spaces as characters in CER (jiwer does; sclite -c does not). */
  cerCountSpaces: z.boolean().default(false),
  /** Attributes whose largest WER/CER gap across values is reported (`wer_gap:accent`). */
  gapAttributes: z.array(z.string().min(1)).default(['accent']),
  /** Utterances sharing the first of these attributes are resampled together (speaker, session). */
  blockAttributes: z.array(z.string().min(1)).default(['speaker', 'session']),
  /** Attributes to break down by; default every attribute except the block attributes. */
  breakdownBy: z.array(z.string()).optional(),
  /** Passed to the transcription API as they are (language, prompt, temperature…). */
  params: z.record(z.string(), z.json()).default({}),
});

export type AsrConfig = z.output<typeof asrConfigSchema>;
