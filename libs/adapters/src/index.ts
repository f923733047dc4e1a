// Public API of @lastmile/adapters: how the runner calls models (no Nest, no database).
export {
  adapterSpecSchema,
  type AdapterKind,
  type AdapterSpec,
  type AdapterSpecInput,
} from './spec/adapter-spec.schema';
export { limitsSchema, type AdapterLimits } from './spec/limits.schema';
export { decodingParamsSchema, type DecodingParams } from './spec/decoding-params.schema';
export type {
  OpenAiChatSpec,
  OpenAiCompletionsSpec,
  OpenAiTranscriptionSpec,
} from './spec/openai-spec.schema';
export type { HttpSpec } from './spec/http-spec.schema';
export type { CommandSpec } from './spec/command-spec.schema';
export { parseAdapterSpec } from './spec/parse-adapter-spec';
export { adapterSpecHash, requestHash } from './spec/adapter-spec-hash';
export { createAdapter } from './adapters/create-adapter';
export type {
  AdapterOptions,
  ChatMessage,
  Environment,
  ModelAdapter,
  ModelRequest,
  ModelResponse,
  RequestAudio,
  TokenUsage,
} from './model-adapter';
export {
  ModelCallError,
  isModelCallError,
  type ModelCallErrorCode,
} from './errors/model-call-error';
export { AdapterConfigError } from './errors/adapter-config-error';
export { allowAllUrls, parseUrlAllowlist, UrlAllowlist, type UrlPolicy } from './http/url-policy';
export {
  HttpToxicityScorer,
  type ToxicityClassifier,
  type ToxicityScore,
} from './scorers/http-toxicity-scorer';
export {
  toxicityScorerSpecSchema,
  type ToxicityScorerSpec,
} from './scorers/toxicity-scorer-spec.schema';
export { CustomerUrlPolicy, describeAddress, isPublicAddress } from './http/customer-url-policy';
export { URL_POLICY_DENIED } from './http/url-policy';
export { CREDENTIAL_HEADERS, storedHeaderNames } from './spec/headers.schema';
export { apiKeyEnvNames, SecretEnvPolicy, settingList } from './security/secret-env-policy';
export { apiKeyTargets, KeyHostBindings } from './security/key-host-bindings';
export { programEnvironment } from './adapters/run-program';
export {
  ServerPolicy,
  type ServerPolicySettings,
  type SpecRefusal,
} from './security/server-policy';
export {
  createJudgeClient,
  createParaphraser,
  judgeClientFor,
  PARAPHRASE_PROMPT,
  type AdapterJudgeClient,
  type AdapterParaphraser,
} from './judges/judge-client';
