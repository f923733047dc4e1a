import { z } from 'zod';
import { decodingParamsSchema } from '../../support/decoding-params';
import { templateSchema } from '../../support/prompt-template';
import { loadBibliography } from './bibliography';

const bibliographySchema = z.strictObject({
  format: z.enum(['bibtex', 'csl_json'], {
    error: "bibliography format must be 'bibtex' or 'csl_json'",
  }),
  text: z.string().min(1, 'bibliography text must not be empty'),
});

export const citationsConfigSchema = z
  .strictObject({
    /** The verified bibliography; default the built-in one behind the built-in prompts. */
    bibliography: bibliographySchema.optional(),
    /**
     * Whether the bibliography holds every work that could rightly be cited: then a citation not
     * in it is fabricated, otherwise only unsupported. Default: true for the built-in
     * bibliography (its prompts ask for works it holds), false for a supplied one.
     */
    bibliographyComplete: z.boolean().optional(),
    /** Least token-sort ratio (0–100) for a title to match an entry. */
    titleThreshold: z.number().min(0).max(100).default(85),
    /** Largest |cited year − entry year| still counted as right. */
    yearTolerance: z.int().min(0).default(1),
    /** Answers sampled per prompt. */
    samples: z.int().min(1, 'samples must be ≥ 1').max(50).default(1),
    systemPrompt: z.string().optional(),
    promptTemplate: templateSchema(
      '{prompt}\n\nGive each reference on its own numbered line with authors, year, title and DOI.',
      ['prompt'],
      ['prompt'],
    ),
    params: decodingParamsSchema({ temperature: 0, max_tokens: 512 }),
    breakdownBy: z.array(z.string()).optional(),
  })
  .superRefine((config, ctx) => {
    if (config.bibliography === undefined) return;
    try {
      loadBibliography(config.bibliography);
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['bibliography'], message: (error as Error).message });
    }
  });

export type CitationsConfig = z.output<typeof citationsConfigSchema>;

export function bibliographyComplete(config: CitationsConfig): boolean {
  return config.bibliographyComplete ?? config.bibliography === undefined;
}
