import { invalidResponse, parseJsonAnswer } from '../http/answer-checks';
import type { HttpAnswer, HttpExchange } from '../http/http-transport';
import { parseJsonPath, selectJsonPath, type PathSegment } from '../http/json-path';
import { renderJsonTemplate, renderText, templatePlaceholders } from '../http/json-template';
import type { AdapterOptions, ModelRequest } from '../model-adapter';
import type { HttpSpec } from '../spec/http-spec.schema';
import { HttpModelAdapter, type AdapterAnswer } from './http-model-adapter';
import { audioBytes, textInput } from './request-input';

/**
 * Any JSON-over-HTTP model: the body template is filled from the request (see renderJsonTemplate)
 * and the answer text is read at responsePath.
 */
export class HttpAdapter extends HttpModelAdapter<HttpSpec> {
  private readonly responsePath?: PathSegment[];
  private readonly needsAudioBytes: boolean;

  constructor(spec: HttpSpec, options: AdapterOptions) {
    super(spec, options);
    this.responsePath =
      spec.responsePath === undefined ? undefined : parseJsonPath(spec.responsePath);
    this.needsAudioBytes = templatePlaceholders([spec.url, spec.body]).includes('audio.base64');
  }

  protected async buildExchange(
    request: ModelRequest,
    apiKey: string | undefined,
  ): Promise<HttpExchange> {
    const variables = await this.variables(request);
    const body =
      this.spec.body === undefined ? undefined : renderJsonTemplate(this.spec.body, variables);
    const auth: Record<string, string> = {};
    Object.assign(auth, this.authorization(apiKey));
    const sendsBody = body !== undefined && this.spec.method !== 'GET';
    return {
      method: this.spec.method,
      url: new URL(renderText(this.spec.url, variables, encodeURIComponent)),
      headers: {
        ...this.spec.headers,
        ...(sendsBody ? { 'content-type': 'application/json' } : {}),
        ...auth,
      },
      body: sendsBody ? Buffer.from(JSON.stringify(body)) : undefined,
    };
  }

  protected readAnswer(answer: HttpAnswer, target: string): AdapterAnswer {
    if (this.responsePath === undefined) {
      const text = answer.body.toString('utf8');
      return { text: text.trim(), raw: text };
    }
    const body = parseJsonAnswer(answer, target);
    const selected = selectJsonPath(body, this.responsePath);
    if (typeof selected === 'string') return { text: selected, raw: body };
    if (typeof selected === 'number' || typeof selected === 'boolean') {
      return { text: String(selected), raw: body };
    }
    throw invalidResponse(target, `JSON without a text at ${this.spec.responsePath}`);
  }

  private async variables(request: ModelRequest): Promise<object> {
    const { prompt, audio } = request;
    const messages =
      request.messages ?? (prompt === undefined ? undefined : [{ role: 'user', content: prompt }]);
    return {
      input: textInput(request),
      prompt,
      messages,
      params: { ...this.spec.params, ...request.params },
      model: this.spec.model,
      audio: audio && {
        filename: audio.filename,
        mimeType: audio.mimeType,
        base64: this.needsAudioBytes ? (await audioBytes(audio)).toString('base64') : undefined,
      },
    };
  }
}
