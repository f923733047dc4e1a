import { z } from 'zod';
import { decodingParamsSchema } from './decoding-params.schema';
import {
  apiKeyHeaderSchema,
  envVarNameSchema,
  headersSchema,
  httpUrlSchema,
} from './headers.schema';
import { limitsSchema } from './limits.schema';

/** Fields every OpenAI-compatible kind shares (OpenAI, vLLM, TGI, llama.cpp server, Ollama...). */
const openAiFields = {
  /** API root that ends before the endpoint, e.g. https://api.openai.com/v1 */
  baseUrl: httpUrlSchema,
  model: z.string().min(1),
  /** Name of the environment variable holding the key, sent as `Authorization: Bearer`. */
  apiKeyEnv: envVarNameSchema.optional(),
  /** Header carrying the raw key instead of `Authorization: Bearer <key>` (e.g. Azure's api-key). */
  apiKeyHeader: apiKeyHeaderSchema.optional(),
  headers: headersSchema.optional(),
  /** Default decoding parameters; a request's params override them key by key. */
  params: decodingParamsSchema.optional(),
  limits: limitsSchema,
};

/** POST {baseUrl}/chat/completions */
export const openAiChatSpecSchema = z.strictObject({
  kind: z.literal('openai-chat'),
  ...openAiFields,
});

/** POST {baseUrl}/completions */
export const openAiCompletionsSpecSchema = z.strictObject({
  kind: z.literal('openai-completions'),
  ...openAiFields,
});

/** Multipart POST {baseUrl}/audio/transcriptions with `file` and `model`; answers `{ text }`. */
export const openAiTranscriptionSpecSchema = z.strictObject({
  kind: z.literal('openai-transcription'),
  ...openAiFields,
});

export type OpenAiChatSpec = z.output<typeof openAiChatSpecSchema>;
export type OpenAiCompletionsSpec = z.output<typeof openAiCompletionsSpecSchema>;
export type OpenAiTranscriptionSpec = z.output<typeof openAiTranscriptionSpecSchema>;
