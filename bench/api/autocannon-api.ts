// autocannon ships no type declarations (and @types/autocannon is not a dependency): the part used here, typed.
export interface AutocannonRequest {
  method: string;
  path?: string;
  setupRequest?: (request: { method: string; path: string; headers?: Record<string, string> }) => {
    method: string;
    path: string;
  };
}

export interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  overallRate?: number;
  headers?: Record<string, string>;
  requests?: AutocannonRequest[];
}

interface Histogram {
  average: number;
  total: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface AutocannonResult {
  requests: Histogram;
  latency: Histogram;
  non2xx: number;
  errors: number;
  timeouts: number;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const autocannon = require('autocannon') as (
  options: AutocannonOptions,
) => Promise<AutocannonResult>;
