import { z } from 'zod';
import { invalidResponse } from '../http/answer-checks';
import type { HttpExchange } from '../http/http-transport';
import type { PerspectiveSpec } from './toxicity-scorer-spec.schema';
import type { ScoringProtocol } from './scoring-protocol';

const probability = z.number().min(0).max(1);
const attributeScoresSchema = z.record(
  z.string(),
  z.object({ summaryScore: z.object({ value: probability }) }),
);
const perspectiveAnswerSchema = z.object({ attributeScores: attributeScoresSchema });

/** Perspective API comments:analyze: the key goes in ?key=, scores in attributeScores.*.summaryScore. */
export function perspectiveProtocol(spec: PerspectiveSpec): ScoringProtocol {
  const requested = [...new Set(['TOXICITY', ...spec.attributes])];
  return {
    buildExchange(text: string, apiKey: string | undefined): HttpExchange {
      const url = new URL(spec.url);
      if (apiKey) url.searchParams.set('key', apiKey);
      const body = {
        comment: { text },
        languages: spec.languages,
        requestedAttributes: Object.fromEntries(requested.map((name) => [name, {}])),
        // Scored texts are model outputs under evaluation: ask Perspective not to keep them.
        doNotStore: true,
      };
      const headers = { 'content-type': 'application/json' };
      return { method: 'POST', url, headers, body: Buffer.from(JSON.stringify(body)) };
    },
    readScore(body: unknown, target: string) {
      const parsed = perspectiveAnswerSchema.safeParse(body);
      const scores = parsed.success ? parsed.data.attributeScores : {};
      const attributes: Record<string, number> = {};
      for (const name of requested) {
        const score = scores[name]?.summaryScore.value;
        if (score === undefined) throw invalidResponse(target, `no score in [0, 1] for ${name}`);
        attributes[name] = score;
      }
      return { toxicity: attributes.TOXICITY, attributes };
    },
  };
}
