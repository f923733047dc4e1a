import { z } from 'zod';
import { limitsSchema } from './limits.schema';

/** Placeholders an argv element may hold. */
export const commandPlaceholders = ['{input}', '{audio}'] as const;

/**
 * A local program. `{input}` in an argument passes the text there; with no `{input}` argument the
 * text goes to stdin. `{audio}` becomes the path of the request's audio file. stdout (trimmed,
 * or read as `output` says) is the answer. Only created when the caller passes allowCommand: true.
 */
export const commandSpecSchema = z.strictObject({
  kind: z.literal('command'),
  argv: z
    .array(z.string())
    .min(1)
    .refine(
      ([program]) =>
        program !== undefined && program.length > 0 && !/\{(input|audio)\}/.test(program),
      'argv[0] must name the program, without placeholders',
    ),
  /** Extra environment variables for the program (not secrets: specs are stored and shown). */
  env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string()).optional(),
  cwd: z.string().min(1).optional(),
  /**
   * How stdout is read: 'text' (default) is the answer as it is, trimmed. 'pocketsphinx-time':
   * `pocketsphinx_continuous -time yes` output, answered as JSON `{"text", "confidence"}` (the
   * hypothesis and the mean posterior of its words), which an asr scenario with
   * `response: 'json'` reads. Optional without a default, so existing specs keep their hash.
   */
  output: z
    .enum(['text', 'pocketsphinx-time'], { error: "output must be 'text' or 'pocketsphinx-time'" })
    .optional(),
  limits: limitsSchema,
});

export type CommandSpec = z.output<typeof commandSpecSchema>;
