import { z } from 'zod';
import { breakdownSchema } from '../../support/subgroups';
import { decodingParamsSchema } from '../../support/decoding-params';
import { templateSchema } from '../../support/prompt-template';
import { type BuiltinBibliography, loadBibliography } from './bibliography';

const bibliographySchema = z.strictObject({
  format: z.enum(['bibtex', 'csl_json'], {
    error: "bibliography format must be 'bibtex' or 'csl_json'",
  }),
  text: z.string().min(1, 'bibliography text must not be empty'),
});

export const citationsConfigSchema = z
  .strictObject({
    /**
     * Which built-in prompts run (when the scenario has no uploaded slice): 'all' (default, 108),
     * 'acl_anthology' (90 requests for ACL Anthology 2016 papers by title, with their full author
     * lists) or 'classic' (the 18 hand-written requests for well-known works).
     */
    prompts: z
      .enum(['classic', 'acl_anthology', 'all'], {
        error: "prompts must be 'classic', 'acl_anthology' or 'all'",
      })
      .default('all'),
    /**
     * The verified bibliography; default the built-in one behind the built-in prompts (the
     * classic works, plus the 655 ACL Anthology 2016 papers when `prompts` includes them).
     */
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
    breakdownBy: breakdownSchema.optional(),
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

/** The built-in bibliography behind the configured prompts (an unparsed config: the default, all). */
export function builtinBibliography(config: Pick<CitationsConfig, 'prompts'>): BuiltinBibliography {
  return (config.prompts ?? 'all') === 'classic' ? 'classic' : 'classic_and_acl';
}

export function bibliographyComplete(config: CitationsConfig): boolean {
  return config.bibliographyComplete ?? config.bibliography === undefined;
}
