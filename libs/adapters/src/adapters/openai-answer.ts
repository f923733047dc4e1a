import { z } from 'zod';
import { invalidResponse, parseJsonAnswer } from '../http/answer-checks';
import type { HttpAnswer } from '../http/http-transport';
import type { TokenUsage } from '../model-adapter';

// Answers are read loosely: servers add fields of their own, only what we use must be there.
const usageSchema = z
  .object({
    prompt_tokens: z.number().optional(),
    completion_tokens: z.number().optional(),
    total_tokens: z.number().optional(),
  })
  .nullish();

export const chatAnswerSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
  usage: usageSchema,
});

export const completionsAnswerSchema = z.object({
  choices: z.array(z.object({ text: z.string() })).min(1),
  usage: usageSchema,
});

export const transcriptionAnswerSchema = z.object({ text: z.string() });

/** Parses a 2xx answer against a schema; anything missing is an invalid_response. */
export function readJsonAs<T>(
  schema: z.ZodType<T>,
  answer: HttpAnswer,
  target: string,
): { body: unknown; value: T } {
  const body = parseJsonAnswer(answer, target);
  const result = schema.safeParse(body);
  if (!result.success) {
    const where = result.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    throw invalidResponse(target, `JSON without the expected fields (${where})`);
  }
  return { body, value: result.data };
}

export function toUsage(usage: z.output<typeof usageSchema>): TokenUsage | undefined {
  if (!usage) return undefined;
  return {
    promptTokens: usage.prompt_tokens,
    completionTokens: usage.completion_tokens,
    totalTokens: usage.total_tokens,
  };
}

/** `{baseUrl}/{path}` whether or not baseUrl ends with a slash. */
export function endpoint(baseUrl: string, path: string): URL {
  return new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
}
