import type { DecodingParams } from './spec/decoding-params.schema';
import type { AdapterSpec } from './spec/adapter-spec.schema';
import type { UrlPolicy } from './http/url-policy';
import type { KeyHostBindings } from './security/key-host-bindings';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | (string & {});
  content: string;
}

/** Audio for a transcription: a file on disk (path) or its bytes (data). */
export interface RequestAudio {
  path?: string;
  data?: Buffer;
  filename: string;
  mimeType: string;
}

export interface ModelRequest {
  prompt?: string;
  messages?: ChatMessage[];
  audio?: RequestAudio;
  /** Overrides the spec's default decoding params key by key. */
  params?: DecodingParams;
}

export interface TokenUsage {
  promptTokens?: number;
  completionTokens?: number;
  totalTokens?: number;
}

export interface ModelResponse {
  text: string;
  /** Duration of the successful attempt (queueing and backoff excluded). */
  latencyMs: number;
  /** Calls that reached the model, the successful one included. */
  attempts: number;
  usage?: TokenUsage;
  /** The parsed answer body, with any secret blanked out. */
  raw?: unknown;
}

export interface ModelAdapter<S extends AdapterSpec = AdapterSpec> {
  readonly spec: S;
  /** Resolves with the answer or rejects with a ModelCallError, never anything else. */
  invoke(request: ModelRequest, signal?: AbortSignal): Promise<ModelResponse>;
  /** Releases sockets and rejects queued calls as aborted. */
  close?(): Promise<void>;
}

export type Environment = Readonly<Record<string, string | undefined>>;

export interface AdapterOptions {
  /** Permit `command` adapters (server: LASTMILE_ALLOW_COMMAND_ADAPTERS=true; the CLI: always). */
  allowCommand?: boolean;
  /** Which hosts HTTP adapters may reach; everything when absent (see parseUrlAllowlist). */
  urlPolicy?: UrlPolicy;
  /** Where apiKeyEnv names are looked up at call time; process.env by default. */
  env?: Environment;
  /** Hosts the operator binds key variables to (LASTMILE_SECRET_ENV_HOSTS); none when absent. */
  keyHosts?: KeyHostBindings;
}
