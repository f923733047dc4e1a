import { assertApiKeyPresent, readApiKey } from '../adapters/api-key';
import { finalError } from '../adapters/http-model-adapter';
import { invalidRequest } from '../adapters/request-input';
import { AdapterConfigError } from '../errors/adapter-config-error';
import { assertSuccess, parseJsonAnswer } from '../http/answer-checks';
import { describeTarget, HttpTransport } from '../http/http-transport';
import { allowAllUrls, type UrlPolicy } from '../http/url-policy';
import type { Environment } from '../model-adapter';
import { ResilientCaller } from '../resilience/resilient-caller';
import type { KeyHostBindings } from '../security/key-host-bindings';
import { canonicalJson, sha256Hex } from '@lastmile/hashing';
import { jsonClassifierProtocol } from './json-classifier-protocol';
import { perspectiveProtocol } from './perspective-protocol';
import type { ScoringProtocol, ToxicityScore } from './scoring-protocol';
import {
  toxicityScorerSpecSchema,
  type ToxicityScorerSpec,
  type ToxicityScorerSpecInput,
} from './toxicity-scorer-spec.schema';
import { processEnv } from '@lastmile/config/process-env';

export type { ToxicityScore };

/** Structurally the ToxicityScorer of @lastmile/metrics, with kind 'classifier'. */
export interface ToxicityClassifier {
  readonly id: string;
  readonly kind: 'classifier';
  score(text: string): Promise<ToxicityScore>;
}

export interface ScorerOptions {
  urlPolicy?: UrlPolicy;
  env?: Environment;
  /** Hosts the operator binds key variables to (LASTMILE_SECRET_ENV_HOSTS). */
  keyHosts?: KeyHostBindings;
}

/**
 * A toxicity classifier behind HTTP (Perspective API or any JSON service), called under the same
 * timeout, retry, rate and circuit limits as model adapters. A failed call rejects with a
 * ModelCallError: an error for that item, never a score of 0.
 */
export class HttpToxicityScorer implements ToxicityClassifier {
  readonly kind = 'classifier' as const;
  readonly id: string;
  readonly spec: ToxicityScorerSpec;
  private readonly protocol: ScoringProtocol;
  private readonly caller: ResilientCaller;
  private readonly transport: HttpTransport;
  private readonly env: Environment;
  private readonly keyHosts: KeyHostBindings | undefined;

  constructor(spec: ToxicityScorerSpec | ToxicityScorerSpecInput, options: ScorerOptions = {}) {
    const parsed = toxicityScorerSpecSchema.safeParse(spec);
    if (!parsed.success)
      throw new AdapterConfigError(`invalid toxicity scorer spec: ${parsed.error.message}`);
    this.spec = parsed.data;
    const { limits, id, ...identity } = this.spec;
    this.id =
      id ??
      `${this.spec.style === 'json' ? 'http-json' : 'perspective'}:${sha256Hex(canonicalJson(identity)).slice(0, 12)}`;
    this.env = options.env ?? processEnv();
    assertApiKeyPresent(this.env, this.spec.apiKeyEnv);
    this.keyHosts = options.keyHosts;
    const bound = this.keyHosts?.refusal(this.spec.apiKeyEnv, this.spec.url);
    if (bound) throw new AdapterConfigError(bound);
    const policy = options.urlPolicy ?? allowAllUrls;
    if (policy.classify(new URL(this.spec.url.replace(/\{\{[^}]*\}\}/g, ''))) === 'denied') {
      throw new AdapterConfigError(
        `${new URL(this.spec.url).origin} is not allowed by the URL allow-list`,
      );
    }
    this.protocol =
      this.spec.style === 'json'
        ? jsonClassifierProtocol(this.spec)
        : perspectiveProtocol(this.spec);
    this.caller = new ResilientCaller(limits);
    this.transport = new HttpTransport(policy, limits.concurrency);
  }

  async score(text: string, signal?: AbortSignal): Promise<ToxicityScore> {
    let secrets: string[] = [];
    try {
      const apiKey = readApiKey(this.env, this.spec.apiKeyEnv);
      secrets = apiKey ? [apiKey] : [];
      const exchange = this.protocol.buildExchange(text, apiKey);
      const refusal = this.keyHosts?.refusal(this.spec.apiKeyEnv, exchange.url);
      if (refusal) throw invalidRequest(refusal);
      const target = describeTarget(exchange.method, exchange.url);
      const outcome = await this.caller.call(async (attemptSignal) => {
        const answer = await this.transport.send(exchange, attemptSignal);
        assertSuccess(answer, target);
        return this.protocol.readScore(parseJsonAnswer(answer, target), target);
      }, signal);
      return outcome.value;
    } catch (error) {
      throw finalError(error, secrets);
    }
  }

  async close(): Promise<void> {
    await this.caller.close();
    this.transport.close();
  }
}
