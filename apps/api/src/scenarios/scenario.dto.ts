import { z } from 'zod';

export const createScenarioSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kind: z.string().min(1),
  config: z
    .record(z.string(), z.unknown())
    .default({})
    .describe(
      "The kind's configuration, validated by the kind's own schema (docs/scenarios.md). " +
        'qa, domain, toxicity, open_generation and hallucinated_citations also take an optional ' +
        '`judge` (a model judge scoring every answer); open_answer requires one.',
    ),
});

export type CreateScenarioBody = z.output<typeof createScenarioSchema>;
