import http from 'node:http';
import type { LoadResult, LoadTarget } from './load-phase';

const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Requests sent on a fixed schedule (one every 1000/rate ms, whatever the answers), latency counted
 * from when each was due, so a late generator or a slow server cannot hide a queue.
 * Hand-written (~50 lines): autocannon's overallRate is a per-second budget each connection spends
 * as fast as it can at the start of every second (bursts of `connections` at once), not a fixed rate,
 * and npm's open-loop tools (loadtest) bring websocket/native dependencies for no gain here.
 */
export async function openLoopLoad(options: LoadTarget): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const headers = { authorization: `Bearer ${options.apiKey}` };
  const interval = 1000 / options.rate;
  const total = Math.round(options.rate * options.seconds);
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const sent: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait >= 1) await new Promise((resolve) => setTimeout(resolve, wait));
    sent.push(
      get(agent, `${options.baseUrl}${options.path()}`, headers).then(
        (status) => {
          latencies.push(performance.now() - due);
          if (status < 200 || status > 299) non2xx += 1;
        },
        () => {
          errors += 1;
        },
      ),
    );
  }
  await Promise.all(sent);
  const elapsedS = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    round1(latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] ?? NaN);
  return {
    endpoint: options.endpoint,
    rateTarget: options.rate,
    seconds: options.seconds,
    requests: latencies.length + errors,
    requestsPerSecond: latencies.length / elapsedS,
    non2xx,
    errors,
    timeouts: 0,
    latencyMs: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: round1(latencies.at(-1) ?? NaN) },
  };
}

function get(agent: http.Agent, url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers, timeout: REQUEST_TIMEOUT_MS }, (response) => {
      response.resume(); // read the body: the latency covers the whole answer
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
  });
}

const round1 = (value: number) => Math.round(value * 10) / 10;
