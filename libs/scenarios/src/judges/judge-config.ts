import { z } from 'zod';
import { adapterSpecSchema } from '@lastmile/adapters';

export const DEFAULT_SINGLE_RUBRIC =
  'Rate how well the answer responds to the question: correct, complete, clear and without ' +
  'unsupported claims. Use the whole scale: the lowest score for a wrong or empty answer, the ' +
  'highest for an answer a careful expert would give.';

export const DEFAULT_PAIRWISE_RUBRIC =
  'Decide which answer responds better to the question: more correct, more complete, clearer, ' +
  'without unsupported claims. Ignore length and the order in which the answers are shown.';

/**
 * How a judge is asked, apart from which model it is: the rubric, the scale, the samples, the
 * prompt. judgeConfigSchema adds the model and the mode; the judge_calibration kind, whose judge
 * is the plan's own model, uses these fields alone.
 */
export const judgeSettingsFields = {
  rubric: z.string().min(1).optional(),
  scale: z
    .strictObject({ min: z.int().default(1), max: z.int().default(5) })
    .refine((s) => s.max > s.min, 'scale.max must exceed scale.min')
    .prefault({}),
  /** Single mode: an answer passes with a score at or above this (default: the scale's top). */
  passScore: z.number().optional(),
  /** Judgments per answer (per order in pairwise mode); agreement across them is reported. */
  samples: z.int().min(1).max(10).default(3),
  /** Judge decoding: >0 so that the samples can disagree when the judge is unsure. */
  temperature: z.number().min(0).max(2).default(0.7),
  maxTokens: z.int().min(16).default(400),
  systemPrompt: z.string().optional(),
  /** Bump when the rubric's meaning changes without its text changing (e.g. a new scale use). */
  version: z.string().min(1).default('1'),
};

/** passScore, when set, must lie on the scale. */
export const passScoreOnScale = {
  check: (c: { passScore?: number; scale: { min: number; max: number } }) =>
    c.passScore === undefined || (c.passScore >= c.scale.min && c.passScore <= c.scale.max),
  params: { path: ['passScore'], message: 'passScore must lie on the scale' },
};

/**
 * A model judge: which model (any adapter spec), with what rubric, how many samples. Its
 * identity (judgeProvenance) is the model spec hash, the exact prompt texts and the version.
 */
export const judgeConfigSchema = z
  .strictObject({
    /** The judge model, as a model is registered: any adapter spec. */
    model: adapterSpecSchema,
    /** 'single': a score on the scale per answer; 'pairwise': answer vs reference, both orders. */
    mode: z.enum(['single', 'pairwise']).default('single'),
    ...judgeSettingsFields,
  })
  .refine(passScoreOnScale.check, passScoreOnScale.params);

export type JudgeConfig = z.output<typeof judgeConfigSchema>;

/** Everything that shapes the judge's prompt and verdict, without the model that answers it. */
export type JudgeSettings = Omit<JudgeConfig, 'model'>;

/** The score at or above which an answer passes (the scale's top unless passScore is set). */
export function passScoreOf(config: Pick<JudgeConfig, 'passScore' | 'scale'>): number {
  return config.passScore ?? config.scale.max;
}

export function rubricOf(config: Pick<JudgeConfig, 'rubric' | 'mode'>): string {
  return (
    config.rubric ?? (config.mode === 'pairwise' ? DEFAULT_PAIRWISE_RUBRIC : DEFAULT_SINGLE_RUBRIC)
  );
}
