import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { ModelCallError } from '../errors/model-call-error';
import { URL_POLICY_DENIED, type UrlPolicy } from './url-policy';

export interface HttpExchange {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const maxAnswerBytes = 32 * 1024 * 1024;

/** How a call is named in errors: no query string, which may carry a key (Perspective's ?key=). */
export function describeTarget(method: string, url: URL): string {
  return `${method} ${url.origin}${url.pathname}`;
}

/**
 * One HTTP exchange over node:http, not fetch: its per-request `lookup` hook lets the URL policy
 * vet the very addresses a socket connects to. Redirects are not followed (a 3xx is an error).
 */
export class HttpTransport {
  private readonly agents: { 'http:': http.Agent; 'https:': https.Agent };

  constructor(
    private readonly policy: UrlPolicy,
    maxSockets: number,
  ) {
    this.agents = {
      'http:': new http.Agent({ keepAlive: true, maxSockets }),
      'https:': new https.Agent({ keepAlive: true, maxSockets }),
    };
  }

  send(exchange: HttpExchange, signal: AbortSignal): Promise<HttpAnswer> {
    const { method, url, body } = exchange;
    const target = describeTarget(method, url);
    const verdict = this.policy.classify(url);
    if (verdict === 'denied') return Promise.reject(deniedByPolicy(target));
    if (signal.aborted) return Promise.reject(aborted(target));
    const client = url.protocol === 'https:' ? https : http;
    return new Promise<HttpAnswer>((resolve, reject) => {
      let request: http.ClientRequest;
      try {
        request = client.request(url, {
          method,
          headers: { ...exchange.headers, 'content-length': String(body?.length ?? 0) },
          agent: this.agents[url.protocol as 'http:' | 'https:'],
          lookup: verdict === 'check-addresses' ? this.policy.lookup : undefined,
        });
      } catch (error) {
        // Node refuses some header values (non-Latin-1 characters) before sending anything.
        const message = `${target} not sent: ${(error as Error).message}`;
        return reject(new ModelCallError({ code: 'invalid_request', retryable: false, message }));
      }
      const onAbort = () => {
        reject(aborted(target));
        request.destroy();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const settle = () => signal.removeEventListener('abort', onAbort);
      request.on('error', (error: NodeJS.ErrnoException) => {
        settle();
        reject(
          error.code === URL_POLICY_DENIED ? deniedByPolicy(target) : unreachable(target, error),
        );
      });
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxAnswerBytes) {
            reject(tooLarge(target));
            request.destroy();
          } else chunks.push(chunk);
        });
        response.on('error', (error: NodeJS.ErrnoException) => reject(unreachable(target, error)));
        response.on('end', () => {
          settle();
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          });
        });
      });
      request.end(body);
    });
  }

  close(): void {
    this.agents['http:'].destroy();
    this.agents['https:'].destroy();
  }
}

function deniedByPolicy(target: string): ModelCallError {
  const message = `${target} is not allowed by the URL allow-list (LASTMILE_URL_ALLOWLIST)`;
  return new ModelCallError({ code: 'unreachable', retryable: false, message });
}

function unreachable(target: string, error: NodeJS.ErrnoException): ModelCallError {
  const message = `${target} unreachable: ${error.code ?? error.message}`;
  return new ModelCallError({ code: 'unreachable', retryable: true, message });
}

function aborted(target: string): ModelCallError {
  return new ModelCallError({ code: 'aborted', retryable: false, message: `${target} aborted` });
}

function tooLarge(target: string): ModelCallError {
  const message = `${target} answered more than ${maxAnswerBytes} bytes`;
  return new ModelCallError({ code: 'invalid_response', retryable: false, message });
}
