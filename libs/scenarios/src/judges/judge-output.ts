import { z } from 'zod';

/** What a single-mode judge must answer; the scale is checked separately (it is configurable). */
export const singleJudgmentSchema = z.object({
  score: z.number().finite(),
  rationale: z.string().min(1),
});

export const pairwiseJudgmentSchema = z.object({
  winner: z.enum(['A', 'B', 'tie']),
  rationale: z.string().min(1),
});

export type SingleJudgment = z.output<typeof singleJudgmentSchema>;
export type PairwiseJudgment = z.output<typeof pairwiseJudgmentSchema>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * The JSON object in a judge's answer: the whole answer, or the inside of a ``` / ```json fence,
 * or the span from the first "{" to the last "}" (judges often add a sentence around it).
 */
export function extractJsonObject(answer: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(answer);
  const candidates = [answer.trim(), fenced?.[1]?.trim()];
  const start = answer.indexOf('{');
  const end = answer.lastIndexOf('}');
  if (start >= 0 && end > start) candidates.push(answer.slice(start, end + 1));
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next reading
    }
  }
  throw new SyntaxError('no JSON object in the answer');
}

/**
 * Validates a judge's answer against a schema. A malformed answer is an error with a reason
 * (never a score of 0): the caller records it and leaves the sample out.
 */
export function parseJudgment<T>(answer: string, schema: z.ZodType<T>): Parsed<T> {
  let json: unknown;
  try {
    json = extractJsonObject(answer);
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${issue.path.join('.') || 'answer'}: ${issue.message}` };
  }
  return { ok: true, value: parsed.data };
}

/** A single judgment whose score must lie on [min, max]. */
export function parseSingleJudgment(
  answer: string,
  scale: { min: number; max: number },
): Parsed<SingleJudgment> {
  const parsed = parseJudgment(answer, singleJudgmentSchema);
  if (parsed.ok && (parsed.value.score < scale.min || parsed.value.score > scale.max)) {
    return {
      ok: false,
      error: `score ${parsed.value.score} is off the scale ${scale.min}–${scale.max}`,
    };
  }
  return parsed;
}
