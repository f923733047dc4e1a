import { AdapterConfigError } from '../errors/adapter-config-error';
import { allowAllUrls, type UrlPolicy } from '../http/url-policy';
import type { AdapterOptions, ModelAdapter } from '../model-adapter';
import type { AdapterSpec, AdapterSpecInput } from '../spec/adapter-spec.schema';
import { parseAdapterSpec } from '../spec/parse-adapter-spec';
import { CommandAdapter } from './command.adapter';
import { HttpAdapter } from './http.adapter';
import { OpenAiChatAdapter } from './openai-chat.adapter';
import { OpenAiCompletionsAdapter } from './openai-completions.adapter';
import { OpenAiTranscriptionAdapter } from './openai-transcription.adapter';

/**
 * Validates the spec and builds its adapter. Throws AdapterConfigError (never at call time) for an
 * invalid spec, a command adapter without allowCommand, a URL outside the allow-list, a key
 * bound to other hosts (LASTMILE_SECRET_ENV_HOSTS) or a missing apiKeyEnv variable. Create one adapter per model per process: limits live in it.
 */
export function createAdapter(
  spec: AdapterSpec | AdapterSpecInput,
  options: AdapterOptions = {},
): ModelAdapter {
  const parsed = parseAdapterSpec(spec);
  if (parsed.kind !== 'command') {
    const refusal = options.keyHosts?.refusal(
      parsed.apiKeyEnv,
      parsed.kind === 'http' ? parsed.url : parsed.baseUrl,
    );
    if (refusal) throw new AdapterConfigError(refusal);
  }
  switch (parsed.kind) {
    case 'openai-chat':
      assertUrlAllowed(parsed.baseUrl, options.urlPolicy);
      return new OpenAiChatAdapter(parsed, options);
    case 'openai-completions':
      assertUrlAllowed(parsed.baseUrl, options.urlPolicy);
      return new OpenAiCompletionsAdapter(parsed, options);
    case 'openai-transcription':
      assertUrlAllowed(parsed.baseUrl, options.urlPolicy);
      return new OpenAiTranscriptionAdapter(parsed, options);
    case 'http':
      assertUrlAllowed(parsed.url.replace(/\{\{[^}]*\}\}/g, ''), options.urlPolicy);
      return new HttpAdapter(parsed, options);
    case 'command':
      if (!options.allowCommand) {
        throw new AdapterConfigError(
          'command adapters are disabled on this server: set LASTMILE_ALLOW_COMMAND_ADAPTERS=true to run local programs',
        );
      }
      return new CommandAdapter(parsed, options);
  }
}

/** Refuses at creation what the allow-list refuses without DNS; named hosts are checked per call. */
export function assertUrlAllowed(url: string, policy: UrlPolicy = allowAllUrls): void {
  const parsed = new URL(url);
  if (policy.classify(parsed) === 'denied') {
    throw new AdapterConfigError(
      `${parsed.origin} is not allowed by the URL allow-list (LASTMILE_URL_ALLOWLIST)`,
    );
  }
}
