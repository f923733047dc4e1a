import { z } from 'zod';
import { commandSpecSchema } from './command-spec.schema';
import { httpSpecSchema } from './http-spec.schema';
import {
  openAiChatSpecSchema,
  openAiCompletionsSpecSchema,
  openAiTranscriptionSpecSchema,
} from './openai-spec.schema';

/** How to call one model: a discriminated union on `kind`; unknown fields are rejected. */
export const adapterSpecSchema = z.discriminatedUnion('kind', [
  openAiChatSpecSchema,
  openAiCompletionsSpecSchema,
  openAiTranscriptionSpecSchema,
  httpSpecSchema,
  commandSpecSchema,
]);

/** A validated spec with defaults filled in (what adapters receive). */
export type AdapterSpec = z.output<typeof adapterSpecSchema>;
/** What a user may write: defaults may be omitted. */
export type AdapterSpecInput = z.input<typeof adapterSpecSchema>;
export type AdapterKind = AdapterSpec['kind'];
