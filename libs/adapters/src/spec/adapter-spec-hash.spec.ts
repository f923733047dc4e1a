import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { adapterSpecHash, requestHash } from './adapter-spec-hash';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('adapterSpecHash', () => {
  const spec = { kind: 'openai-chat', baseUrl: 'http://h/v1', model: 'm' } as const;

  it('is the sha256 of the sorted-key JSON of the spec without limits', () => {
    assert.equal(
      adapterSpecHash(spec),
      sha256('{"baseUrl":"http://h/v1","kind":"openai-chat","model":"m"}'),
    );
  });

  it('does not depend on key order, omitted defaults or limits', () => {
    const reordered = {
      model: 'm',
      kind: 'openai-chat',
      baseUrl: 'http://h/v1',
      limits: { timeoutMs: 5 },
    } as const;
    assert.equal(adapterSpecHash(reordered), adapterSpecHash(spec));
    const http = { kind: 'http', url: 'http://h/x' } as const;
    assert.equal(adapterSpecHash(http), adapterSpecHash({ ...http, method: 'POST' }));
  });

  it('changes with anything that changes the answers', () => {
    const base = adapterSpecHash(spec);
    assert.notEqual(adapterSpecHash({ ...spec, model: 'm2' }), base);
    assert.notEqual(adapterSpecHash({ ...spec, params: { temperature: 0 } }), base);
    assert.notEqual(adapterSpecHash({ ...spec, kind: 'openai-completions' }), base);
  });
});

describe('requestHash', () => {
  const specHash = 'a'.repeat(64);

  it('is the sha256 of the sorted-key JSON of spec hash and request', () => {
    const expected = sha256(`{"messages":[{"content":"hi","role":"user"}],"spec":"${specHash}"}`);
    assert.equal(requestHash(specHash, { messages: [{ role: 'user', content: 'hi' }] }), expected);
  });

  it('hashes audio by content, the same from a path or from bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lastmile-hash-'));
    const path = join(dir, 'a.wav');
    writeFileSync(path, Buffer.from('RIFF-audio'));
    const fromPath = requestHash(specHash, {
      audio: { path, filename: 'a.wav', mimeType: 'audio/wav' },
    });
    const fromData = requestHash(specHash, {
      audio: { data: Buffer.from('RIFF-audio'), filename: 'a.wav', mimeType: 'audio/wav' },
    });
    const other = requestHash(specHash, {
      audio: { data: Buffer.from('RIFF-other'), filename: 'a.wav', mimeType: 'audio/wav' },
    });
    rmSync(dir, { recursive: true });
    assert.equal(fromPath, fromData);
    assert.notEqual(other, fromData);
  });

  it('changes with the spec hash, the prompt and the params', () => {
    const base = requestHash(specHash, { prompt: 'p', params: { temperature: 0 } });
    assert.notEqual(requestHash('b'.repeat(64), { prompt: 'p', params: { temperature: 0 } }), base);
    assert.notEqual(requestHash(specHash, { prompt: 'q', params: { temperature: 0 } }), base);
    assert.notEqual(requestHash(specHash, { prompt: 'p', params: { temperature: 1 } }), base);
  });
});
