import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ModelCallError } from '../errors/model-call-error';
import {
  sendJson,
  startLocalServer,
  type LocalServer,
  type RecordedRequest,
} from '../testing/local-http-server';
import { createAdapter } from './create-adapter';

/** Parses the multipart upload with the WHATWG FormData parser built into Node. */
function formOf(request: RecordedRequest): Promise<FormData> {
  const headers = { 'content-type': String(request.headers['content-type']) };
  return new Request('http://test.invalid/', {
    method: 'POST',
    headers,
    body: request.body,
  }).formData();
}

// Bytes that would break a naive multipart writer: CRLF, dashes, a fake boundary, NUL.
const audioBytes = Buffer.concat([
  Buffer.from('RIFF\0\0\0\0WAVE\r\n--boundary\r\n\r\n'),
  Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 37) % 256)),
]);

describe('openai-transcription adapter', () => {
  let server: LocalServer;
  const received: { file?: File; fields: Record<string, string> }[] = [];
  before(async () => {
    server = await startLocalServer(async (request, response) => {
      if (request.url !== '/v1/audio/transcriptions') return sendJson(response, 404, {});
      const form = await formOf(request);
      const fields: Record<string, string> = {};
      for (const [name, value] of form.entries())
        if (typeof value === 'string') fields[name] = value;
      const file = form.get('file');
      received.push({ file: file instanceof File ? file : undefined, fields });
      if (fields.response_format === 'text') return response.end(' hello world \n');
      sendJson(response, 200, { text: `heard ${file instanceof File ? file.size : 0} bytes` });
    });
  });
  after(() => server.close());

  it('uploads the audio bytes, file name, type, model and params as multipart form data', async () => {
    const adapter = createAdapter(
      {
        kind: 'openai-transcription',
        baseUrl: `${server.origin}/v1`,
        model: 'whisper-1',
        params: { language: 'en' },
      },
      { env: { ASR_KEY: 'asr-secret' } },
    );
    const response = await adapter.invoke({
      audio: { data: audioBytes, filename: 'clip 1.wav', mimeType: 'audio/wav' },
      params: { temperature: 0 },
    });
    const { file, fields } = received.at(-1)!;
    assert.ok(file, 'a file part arrived');
    assert.equal(file.name, 'clip 1.wav');
    assert.equal(file.type, 'audio/wav');
    assert.ok(Buffer.from(await file.arrayBuffer()).equals(audioBytes));
    assert.deepEqual(fields, { model: 'whisper-1', language: 'en', temperature: '0' });
    assert.match(
      String(server.requests.at(-1)!.headers['content-type']),
      /^multipart\/form-data; boundary=/,
    );
    assert.equal(response.text, `heard ${audioBytes.length} bytes`);
    assert.deepEqual(response.raw, { text: `heard ${audioBytes.length} bytes` });
    await adapter.close?.();
  });

  it('reads audio from a path and returns a plain-text answer for response_format text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lastmile-asr-test-'));
    const path = join(dir, 'clip.wav');
    await writeFile(path, audioBytes);
    const adapter = createAdapter({
      kind: 'openai-transcription',
      baseUrl: `${server.origin}/v1`,
      model: 'whisper-1',
      params: { response_format: 'text' },
    });
    const response = await adapter.invoke({
      audio: { path, filename: 'clip.wav', mimeType: 'audio/wav' },
    });
    assert.equal(response.text, 'hello world');
    assert.ok(Buffer.from(await received.at(-1)!.file!.arrayBuffer()).equals(audioBytes));
    await adapter.close?.();
    await rm(dir, { recursive: true });
  });

  it('rejects a request without audio, or with an unreadable path, as invalid_request', async () => {
    const adapter = createAdapter({
      kind: 'openai-transcription',
      baseUrl: `${server.origin}/v1`,
      model: 'w',
    });
    const before = server.requests.length;
    for (const request of [
      { prompt: 'no audio' },
      { audio: { path: '/nonexistent/clip.wav', filename: 'clip.wav', mimeType: 'audio/wav' } },
    ]) {
      await assert.rejects(adapter.invoke(request), (error: unknown) => {
        assert.ok(error instanceof ModelCallError);
        assert.equal(error.code, 'invalid_request');
        return true;
      });
    }
    assert.equal(server.requests.length, before);
    await adapter.close?.();
  });
});
