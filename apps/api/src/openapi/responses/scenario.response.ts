import { z } from 'zod';
import { jsonObject, timestamp, uuid } from './fields';

const summaryFields = { id: uuid(), name: z.string(), kind: z.string(), createdAt: timestamp() };

export const scenarioSchema = z
  .object({
    ...summaryFields,
    config: jsonObject("The kind's configuration as validated and stored, defaults filled in."),
  })
  .meta({
    id: 'Scenario',
    description: 'What a run measures: a scenario kind and its configuration.',
  });

export const scenarioSummarySchema = z.object(summaryFields).meta({
  id: 'ScenarioSummary',
  description:
    'What a customer key sees of a scenario: what it measures, not how it is configured.',
});

export const scenarioViewSchema = z
  .union([scenarioSchema, scenarioSummarySchema])
  .meta({ id: 'ScenarioView', description: 'A Scenario, or a ScenarioSummary for customer keys.' });

export const scenarioKindSchema = z
  .object({
    kind: z.string(),
    version: z
      .string()
      .meta({ description: "Recorded in each run's provenance; bumped when scoring changes." }),
    modality: z.enum(['text', 'audio']),
  })
  .meta({ id: 'ScenarioKind', description: 'A registered scenario kind.' });
