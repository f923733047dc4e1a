import { invalidResponse } from '../http/answer-checks';
import type { HttpExchange } from '../http/http-transport';
import { parseJsonPath, selectJsonPath, type PathSegment } from '../http/json-path';
import { renderJsonTemplate, renderText } from '../http/json-template';
import type { ScoringProtocol } from './scoring-protocol';
import type { JsonClassifierSpec } from './toxicity-scorer-spec.schema';

/** A generic JSON classifier: `{{text}}` fills the body template, scores are read at paths. */
export function jsonClassifierProtocol(spec: JsonClassifierSpec): ScoringProtocol {
  const scorePath = parseJsonPath(spec.scorePath);
  const attributePaths = Object.entries(spec.attributePaths ?? {}).map(
    ([name, path]) => [name, path, parseJsonPath(path)] as const,
  );
  return {
    buildExchange(text: string, apiKey: string | undefined): HttpExchange {
      const variables = { text };
      const auth: Record<string, string> = {};
      if (apiKey)
        auth[spec.apiKeyHeader?.toLowerCase() ?? 'authorization'] = spec.apiKeyHeader
          ? apiKey
          : `Bearer ${apiKey}`;
      return {
        method: spec.method,
        url: new URL(renderText(spec.url, variables, encodeURIComponent)),
        headers: { ...spec.headers, 'content-type': 'application/json', ...auth },
        body: Buffer.from(JSON.stringify(renderJsonTemplate(spec.body, variables) ?? null)),
      };
    },
    readScore(body: unknown, target: string) {
      const toxicity = probabilityAt(body, scorePath, spec.scorePath, target);
      if (attributePaths.length === 0) return { toxicity };
      const attributes: Record<string, number> = {};
      for (const [name, text, path] of attributePaths)
        attributes[name] = probabilityAt(body, path, text, target);
      return { toxicity, attributes };
    },
  };
}

/** A number in [0, 1] (a numeric string is accepted, as some servers send one). */
function probabilityAt(body: unknown, path: PathSegment[], text: string, target: string): number {
  const selected = selectJsonPath(body, path);
  const value =
    typeof selected === 'string' && selected.trim() !== '' ? Number(selected) : selected;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw invalidResponse(target, `no score in [0, 1] at ${text}`);
  }
  return value;
}
