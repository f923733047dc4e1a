import { isModelCallError, requestHash, type ModelAdapter } from '@lastmile/adapters';
import type {
  ScenarioContext,
  ScenarioItem,
  ScenarioKind,
  ScenarioRequest,
} from '@lastmile/scenarios';
import { modelCallDuration, modelCallErrors } from '@lastmile/telemetry';
import type { ResultRow } from '@lastmile/persistence';

/** Stored model answers by request hash (a plan's optional cache; see ResultsStore). */
export interface ResponseCache {
  cachedResponse(key: string): Promise<string | undefined>;
  cacheResponse(key: string, response: string): Promise<void>;
}

export interface EvaluatorSettings {
  runId: string;
  sliceId: string;
  modelLabel: string;
  kind: ScenarioKind<unknown>;
  config: unknown;
  adapter: ModelAdapter;
  adapterHash: string;
  context: ScenarioContext;
  cache: ResponseCache | null;
  signal: AbortSignal;
}

/** One item and sample: request, model call (or cache), score. Failures become recorded errors. */
export async function evaluateInstance(
  settings: EvaluatorSettings,
  item: ScenarioItem,
  sample: number,
): Promise<ResultRow> {
  const { kind, config, adapter } = settings;
  const base = {
    runId: settings.runId,
    sliceId: settings.sliceId,
    itemKey: item.id,
    sample,
    attributes: item.attributes,
  };
  let request: ScenarioRequest;
  try {
    request = kind.buildRequest(item, config, sample);
  } catch (error) {
    return {
      ...base,
      request: null,
      response: null,
      latencyMs: null,
      stats: {},
      error: { code: 'invalid_item', message: (error as Error).message },
    };
  }
  const stored = storableRequest(request);
  const started = performance.now();
  let text: string;
  let latencyMs: number;
  try {
    const cacheKey = settings.cache ? requestHash(settings.adapterHash, request) : '';
    const cached = settings.cache ? await settings.cache.cachedResponse(cacheKey) : undefined;
    if (cached !== undefined) {
      text = cached;
      latencyMs = 0;
    } else {
      const response = await adapter.invoke(request, settings.signal);
      text = response.text;
      latencyMs = Math.round(response.latencyMs);
      modelCallDuration.observe(
        { model: settings.modelLabel, outcome: 'ok' },
        (performance.now() - started) / 1000,
      );
      if (settings.cache) await settings.cache.cacheResponse(cacheKey, text);
    }
  } catch (error) {
    const code = isModelCallError(error) ? error.code : 'internal';
    modelCallErrors.inc({ model: settings.modelLabel, code });
    modelCallDuration.observe(
      { model: settings.modelLabel, outcome: 'error' },
      (performance.now() - started) / 1000,
    );
    const detail = isModelCallError(error)
      ? { code, message: error.message, status: error.status ?? null, attempts: error.attempts }
      : { code, message: (error as Error).message };
    return { ...base, request: stored, response: null, latencyMs: null, stats: {}, error: detail };
  }
  try {
    const stats = await kind.score(item, text, config, settings.context);
    return { ...base, request: stored, response: text, latencyMs, stats, error: null };
  } catch (error) {
    // A scorer failure (e.g. the toxicity classifier is down) is an error for this item, never a 0.
    const code = isModelCallError(error) ? `scorer_${error.code}` : 'scoring_failed';
    return {
      ...base,
      request: stored,
      response: text,
      latencyMs,
      stats: {},
      error: { code, message: (error as Error).message },
    };
  }
}

/** Requests are stored for the record without audio bytes (the slice already holds them). */
function storableRequest(request: ScenarioRequest): Record<string, unknown> {
  const { audio, ...rest } = request;
  return audio
    ? {
        ...rest,
        audio: {
          filename: audio.filename,
          mimeType: audio.mimeType,
          bytes: audio.data?.length ?? null,
        },
      }
    : rest;
}
