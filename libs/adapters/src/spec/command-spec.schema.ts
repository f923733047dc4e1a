import { z } from 'zod';
import { limitsSchema } from './limits.schema';

/** Placeholders an argv element may hold. */
export const commandPlaceholders = ['{input}', '{audio}'] as const;

/**
 * A local program. `{input}` in an argument passes the text there; with no `{input}` argument the
 * text goes to stdin. `{audio}` becomes the path of the request's audio file. stdout (trimmed)
 * is the answer. Only created when the caller passes allowCommand: true.
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
  limits: limitsSchema,
});

export type CommandSpec = z.output<typeof commandSpecSchema>;
