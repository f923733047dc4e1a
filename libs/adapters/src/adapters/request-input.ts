import { readFile } from 'node:fs/promises';
import { ModelCallError } from '../errors/model-call-error';
import type { ChatMessage, ModelRequest, RequestAudio } from '../model-adapter';

export function invalidRequest(message: string): ModelCallError {
  return new ModelCallError({ code: 'invalid_request', retryable: false, message });
}

/** The chat messages, or the prompt as one user message. */
export function chatMessages(request: ModelRequest): ChatMessage[] {
  if (request.messages && request.messages.length > 0) return request.messages;
  if (request.prompt !== undefined) return [{ role: 'user', content: request.prompt }];
  throw invalidRequest('request has neither messages nor a prompt');
}

/** The text input: the prompt, else the last user message. */
export function textInput(request: ModelRequest): string | undefined {
  if (request.prompt !== undefined) return request.prompt;
  return request.messages?.filter((message) => message.role === 'user').at(-1)?.content;
}

export function requireTextInput(request: ModelRequest): string {
  const input = textInput(request);
  if (input === undefined) throw invalidRequest('request has neither a prompt nor a user message');
  return input;
}

export function requireAudio(request: ModelRequest): RequestAudio {
  if (!request.audio) throw invalidRequest('request has no audio');
  return request.audio;
}

/** The audio bytes, read once per call (not once per attempt). */
export async function audioBytes(audio: RequestAudio): Promise<Buffer> {
  if (audio.data) return audio.data;
  if (audio.path === undefined) throw invalidRequest('request audio has neither data nor a path');
  try {
    return await readFile(audio.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw invalidRequest(`cannot read audio file ${audio.path}: ${code}`);
  }
}
