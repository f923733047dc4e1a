import type { HttpAnswer, HttpExchange } from '../http/http-transport';
import type { ModelRequest } from '../model-adapter';
import type { OpenAiCompletionsSpec } from '../spec/openai-spec.schema';
import { HttpModelAdapter, type AdapterAnswer } from './http-model-adapter';
import { completionsAnswerSchema, endpoint, readJsonAs, toUsage } from './openai-answer';
import { requireTextInput } from './request-input';

/** POST {baseUrl}/completions; the answer is choices[0].text. */
export class OpenAiCompletionsAdapter extends HttpModelAdapter<OpenAiCompletionsSpec> {
  protected async buildExchange(
    request: ModelRequest,
    apiKey: string | undefined,
  ): Promise<HttpExchange> {
    const body = {
      ...this.spec.params,
      ...request.params,
      model: this.spec.model,
      prompt: requireTextInput(request),
    };
    return this.jsonPost(endpoint(this.spec.baseUrl, 'completions'), body, apiKey);
  }

  protected readAnswer(answer: HttpAnswer, target: string): AdapterAnswer {
    const { body, value } = readJsonAs(completionsAnswerSchema, answer, target);
    return { text: value.choices[0].text, usage: toUsage(value.usage), raw: body };
  }
}
