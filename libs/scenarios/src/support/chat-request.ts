import type { ScenarioRequest } from '../scenario-kind';
import { type DecodingParams, paramsForSample } from './decoding-params';

/** A chat request: an optional system message, then the rendered user prompt. */
export function chatRequest(
  userPrompt: string,
  systemPrompt: string | undefined,
  params: DecodingParams,
  sample: number,
): ScenarioRequest {
  const messages: NonNullable<ScenarioRequest['messages']> = [];
  if (systemPrompt !== undefined && systemPrompt !== '') {
    messages.push({ role: 'system', content: systemPrompt });
  }
  messages.push({ role: 'user', content: userPrompt });
  return { messages, params: paramsForSample(params, sample) };
}
