import { autocannon } from './autocannon-api';

/** One endpoint driven at `rate` requests/s for `seconds`; `path` picks each request's URL. */
export interface LoadTarget {
  baseUrl: string;
  endpoint: string;
  path: () => string;
  apiKey: string;
  rate: number;
  seconds: number;
}

export interface LoadResult {
  endpoint: string;
  rateTarget: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
}

/**
 * autocannon with overallRate against one endpoint; `path` picks each request's URL (e.g. a random
 * run). Not a fixed rate: each connection sends its per-second budget back to back, then waits for
 * the next second, so this measures bursts (see open-loop-load.ts for the evenly spaced load).
 */
export async function loadEndpoint(
  options: LoadTarget & { connections: number },
): Promise<LoadResult> {
  const result = await autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.seconds,
    overallRate: options.rate,
    headers: { authorization: `Bearer ${options.apiKey}` },
    requests: [
      { method: 'GET', setupRequest: (request) => ({ ...request, path: options.path() }) },
    ],
  });
  return {
    endpoint: options.endpoint,
    rateTarget: options.rate,
    seconds: options.seconds,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
  };
}
