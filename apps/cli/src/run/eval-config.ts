import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { adapterSpecSchema } from '@lastmile/adapters';
import { zodProblems } from '@lastmile/config';
import { sampleSchema } from '@lastmile/scenarios';

export const evalConfigSchema = z.strictObject({
  model: z.strictObject({
    name: z.string().min(1).default('cli-model'),
    version: z.string().min(1).optional(),
    modality: z.enum(['text', 'speech']).optional(),
    adapter: adapterSpecSchema,
    /** Shorthand for adapter.limits.concurrency. */
    concurrency: z.int().min(1).max(1024).optional(),
  }),
  scenario: z.strictObject({
    kind: z.string().min(1),
    /** JSONL rows (or an asr manifest); relative to the config file. Omit for the kind's built-in data. */
    dataset: z.string().min(1).optional(),
    config: z.record(z.string(), z.unknown()).default({}),
    /** Only these metrics are reported and gated (default: all of the kind's). */
    metrics: z.array(z.string().min(1)).optional(),
  }),
  sampleSize: z.int().min(1).optional(),
  /**
   * A stratified sample of the kind's built-in data (`{ perGroup, by, seed, wholeUnits }`) or
   * 'full', stored on the plan; it takes precedence over `scenario.config.sample`.
   */
  sample: sampleSchema.optional(),
  seed: z.int().min(0).default(0),
  gate: z
    .strictObject({
      alpha: z.number().gt(0).lt(0.5).default(0.05),
      minEffect: z.number().min(0).default(0.02),
    })
    .prefault({}),
});

export type EvalConfig = z.output<typeof evalConfigSchema> & { baseDir: string };

export class ConfigFileError extends Error {}

export function loadEvalConfig(path: string): EvalConfig {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigFileError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const parsed = evalConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error).map((p) => `  ${p.field}: ${p.reason}`);
    throw new ConfigFileError(`${path} is invalid:\n${problems.join('\n')}`);
  }
  const config = parsed.data;
  if (config.model.concurrency) {
    const adapter = config.model.adapter as { limits: { concurrency: number } };
    adapter.limits = { ...adapter.limits, concurrency: config.model.concurrency };
  }
  return { ...config, baseDir: dirname(resolve(path)) };
}
