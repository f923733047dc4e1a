import type { HttpAnswer, HttpExchange } from '../http/http-transport';
import type { ModelRequest } from '../model-adapter';
import type { OpenAiTranscriptionSpec } from '../spec/openai-spec.schema';
import { HttpModelAdapter, type AdapterAnswer } from './http-model-adapter';
import { endpoint, readJsonAs, transcriptionAnswerSchema } from './openai-answer';
import { audioBytes, requireAudio } from './request-input';

// These response_format values make the server answer plain text instead of { text }.
const plainTextFormats = new Set(['text', 'srt', 'vtt']);

/** Multipart POST {baseUrl}/audio/transcriptions with `file` and `model`; the answer is `text`. */
export class OpenAiTranscriptionAdapter extends HttpModelAdapter<OpenAiTranscriptionSpec> {
  protected async buildExchange(
    request: ModelRequest,
    apiKey: string | undefined,
  ): Promise<HttpExchange> {
    const audio = requireAudio(request);
    const params = { ...this.spec.params, ...request.params };
    const form = new FormData();
    form.append(
      'file',
      new Blob([await audioBytes(audio)], { type: audio.mimeType }),
      audio.filename,
    );
    form.append('model', this.spec.model);
    for (const [name, value] of Object.entries(params)) {
      if (value === undefined || value === null) continue;
      const values = Array.isArray(value) ? value : [value];
      for (const item of values)
        form.append(name, typeof item === 'string' ? item : JSON.stringify(item));
    }
    // The WHATWG Request serializes FormData to multipart/form-data (boundary included) for us.
    const encoded = new Request('http://multipart.invalid/', { method: 'POST', body: form });
    return {
      method: 'POST',
      url: endpoint(this.spec.baseUrl, 'audio/transcriptions'),
      headers: {
        ...this.spec.headers,
        'content-type': encoded.headers.get('content-type') ?? 'multipart/form-data',
        ...this.authorization(apiKey),
      },
      body: Buffer.from(await encoded.arrayBuffer()),
    };
  }

  protected readAnswer(answer: HttpAnswer, target: string, request: ModelRequest): AdapterAnswer {
    const format = request.params?.response_format ?? this.spec.params?.response_format;
    if (plainTextFormats.has(String(format))) return { text: answer.body.toString('utf8').trim() };
    const { body, value } = readJsonAs(transcriptionAnswerSchema, answer, target);
    return { text: value.text, raw: body };
  }
}
