import type { HttpAnswer, HttpExchange } from '../http/http-transport';
import type { ModelRequest } from '../model-adapter';
import type { OpenAiChatSpec } from '../spec/openai-spec.schema';
import { HttpModelAdapter, type AdapterAnswer } from './http-model-adapter';
import { chatAnswerSchema, endpoint, readJsonAs, toUsage } from './openai-answer';
import { chatMessages } from './request-input';

/** POST {baseUrl}/chat/completions; the answer is choices[0].message.content. */
export class OpenAiChatAdapter extends HttpModelAdapter<OpenAiChatSpec> {
  protected async buildExchange(
    request: ModelRequest,
    apiKey: string | undefined,
  ): Promise<HttpExchange> {
    const body = {
      ...this.spec.params,
      ...request.params,
      model: this.spec.model,
      messages: chatMessages(request),
    };
    return this.jsonPost(endpoint(this.spec.baseUrl, 'chat/completions'), body, apiKey);
  }

  protected readAnswer(answer: HttpAnswer, target: string): AdapterAnswer {
    const { body, value } = readJsonAs(chatAnswerSchema, answer, target);
    return { text: value.choices[0].message.content, usage: toUsage(value.usage), raw: body };
  }
}
