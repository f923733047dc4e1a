import { ModelCallError } from '../errors/model-call-error';
import { redactDeep } from '../errors/redact';
import { assertSuccess } from '../http/answer-checks';
import {
  describeTarget,
  HttpTransport,
  type HttpAnswer,
  type HttpExchange,
} from '../http/http-transport';
import { allowAllUrls } from '../http/url-policy';
import type {
  AdapterOptions,
  Environment,
  ModelAdapter,
  ModelRequest,
  ModelResponse,
} from '../model-adapter';
import { ResilientCaller } from '../resilience/resilient-caller';
import type { AdapterSpec } from '../spec/adapter-spec.schema';
import type { KeyHostBindings } from '../security/key-host-bindings';
import { assertApiKeyPresent, readApiKey } from './api-key';
import { invalidRequest } from './request-input';
import { processEnv } from '@lastmile/config/process-env';

/** What an adapter reads out of one successful answer. */
export type AdapterAnswer = Pick<ModelResponse, 'text' | 'usage' | 'raw'>;

type HttpKindSpec = Extract<AdapterSpec, { apiKeyEnv?: string }>;

/**
 * The shared shape of the HTTP kinds: read the key at call time, build the exchange once, send it
 * under the model's limits, read the answer; secrets never reach errors or `raw`.
 */
export abstract class HttpModelAdapter<S extends HttpKindSpec> implements ModelAdapter<S> {
  private readonly caller: ResilientCaller;
  private readonly transport: HttpTransport;
  private readonly env: Environment;
  private readonly keyHosts: KeyHostBindings | undefined;

  constructor(
    readonly spec: S,
    options: AdapterOptions,
  ) {
    this.env = options.env ?? processEnv();
    this.keyHosts = options.keyHosts;
    assertApiKeyPresent(this.env, spec.apiKeyEnv);
    this.caller = new ResilientCaller(spec.limits);
    this.transport = new HttpTransport(options.urlPolicy ?? allowAllUrls, spec.limits.concurrency);
  }

  /** The request to send; may reject with invalid_request. */
  protected abstract buildExchange(
    request: ModelRequest,
    apiKey: string | undefined,
  ): Promise<HttpExchange>;

  /** The text (and usage) from a 2xx answer; throws invalid_response when it is not there. */
  protected abstract readAnswer(
    answer: HttpAnswer,
    target: string,
    request: ModelRequest,
  ): AdapterAnswer;

  async invoke(request: ModelRequest, signal?: AbortSignal): Promise<ModelResponse> {
    let secrets: string[] = [];
    try {
      const apiKey = readApiKey(this.env, this.spec.apiKeyEnv);
      secrets = apiKey ? [apiKey] : [];
      const exchange = await this.buildExchange(request, apiKey);
      // Where the request really goes, once built: a bound key leaves for its hosts only.
      const refusal = this.keyHosts?.refusal(this.spec.apiKeyEnv, exchange.url);
      if (refusal) throw invalidRequest(refusal);
      const target = describeTarget(exchange.method, exchange.url);
      const outcome = await this.caller.call(async (attemptSignal) => {
        const answer = await this.transport.send(exchange, attemptSignal);
        assertSuccess(answer, target);
        return this.readAnswer(answer, target, request);
      }, signal);
      const { text, usage, raw } = outcome.value;
      const response: ModelResponse = {
        text,
        latencyMs: outcome.latencyMs,
        attempts: outcome.attempts,
      };
      if (usage) response.usage = usage;
      if (raw !== undefined) response.raw = redactDeep(raw, secrets);
      return response;
    } catch (error) {
      throw finalError(error, secrets);
    }
  }

  async close(): Promise<void> {
    await this.caller.close();
    this.transport.close();
  }

  /** A JSON POST with the spec's headers and the key as a bearer token (the OpenAI-style kinds). */
  protected jsonPost(url: URL, body: unknown, apiKey: string | undefined): HttpExchange {
    return {
      method: 'POST',
      url,
      headers: {
        ...this.spec.headers,
        'content-type': 'application/json',
        ...this.authorization(apiKey),
      },
      body: Buffer.from(JSON.stringify(body)),
    };
  }

  /** The key as `Authorization: Bearer`, or raw in the header the spec's apiKeyHeader names. */
  protected authorization(apiKey: string | undefined): Record<string, string> {
    if (!apiKey) return {};
    const header = (this.spec as { apiKeyHeader?: string }).apiKeyHeader;
    return header ? { [header.toLowerCase()]: apiKey } : { authorization: `Bearer ${apiKey}` };
  }
}

export function finalError(error: unknown, secrets: readonly string[]): ModelCallError {
  if (error instanceof ModelCallError) return error.finalize(error.attempts, secrets);
  const message = error instanceof Error ? error.message : String(error);
  return new ModelCallError({ code: 'invalid_request', retryable: false, message }).finalize(
    0,
    secrets,
  );
}
