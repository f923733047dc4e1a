import { z } from 'zod';
import { adapterSpecSchema } from '@lastmile/adapters';
import { timestamp, uuid } from './fields';

const modality = z.enum(['text', 'speech']);

const summaryFields = {
  id: uuid(),
  name: z.string(),
  version: z.string(),
  modality,
  createdAt: timestamp(),
};

export const modelSchema = z
  .object({
    ...summaryFields,
    adapter: adapterSpecSchema.meta({
      id: 'AdapterSpec',
      description:
        'How the model is called: the adapter kind and its settings, defaults filled in.',
    }),
    adapterHash: z
      .string()
      .meta({ description: 'Content hash of the adapter spec (run provenance).' }),
    defaultParams: z.record(z.string(), z.json()),
  })
  .meta({
    id: 'Model',
    description: 'A model version under evaluation (admin, ml and oncall keys).',
  });

export const modelSummarySchema = z.object(summaryFields).meta({
  id: 'ModelSummary',
  description:
    'What a customer key sees of a model: never its adapter (hosts, headers, key names).',
});

export const modelViewSchema = z
  .union([modelSchema, modelSummarySchema])
  .meta({ id: 'ModelView', description: 'A Model, or a ModelSummary for customer keys.' });
