import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdapterConfigError } from '../errors/adapter-config-error';
import { adapterSpecSchema } from './adapter-spec.schema';
import { parseAdapterSpec } from './parse-adapter-spec';

const chat = { kind: 'openai-chat', baseUrl: 'https://api.example.com/v1', model: 'gpt-x' };

function issues(spec: unknown): string {
  const result = adapterSpecSchema.safeParse(spec);
  assert.equal(result.success, false, 'expected the spec to be rejected');
  return JSON.stringify(result.error!.issues);
}

describe('adapterSpecSchema', () => {
  it('fills every limit default for a minimal spec', () => {
    assert.deepEqual(parseAdapterSpec(chat), {
      ...chat,
      limits: {
        timeoutMs: 30_000,
        maxRetries: 4,
        initialBackoffMs: 500,
        maxBackoffMs: 30_000,
        concurrency: 8,
        circuitBreaker: { failureThreshold: 5, halfOpenAfterMs: 30_000 },
      },
    });
  });

  it('keeps partial limits and fills the rest', () => {
    const spec = parseAdapterSpec({
      ...chat,
      limits: { timeoutMs: 500, circuitBreaker: { failureThreshold: 2 } },
    });
    assert.equal(spec.limits.timeoutMs, 500);
    assert.equal(spec.limits.maxRetries, 4);
    assert.deepEqual(spec.limits.circuitBreaker, { failureThreshold: 2, halfOpenAfterMs: 30_000 });
  });

  it('rejects unknown fields at the top level and inside limits', () => {
    assert.match(issues({ ...chat, apiKey: 'sk-123' }), /unrecognized_keys/);
    assert.match(issues({ ...chat, limits: { retries: 3 } }), /unrecognized_keys/);
    assert.match(
      issues({ ...chat, limits: { circuitBreaker: { threshold: 3 } } }),
      /unrecognized_keys/,
    );
  });

  it('rejects an unknown kind with the list of kinds', () => {
    assert.match(issues({ ...chat, kind: 'grpc' }), /openai-chat/);
  });

  it('passes unknown decoding params through but type-checks the known ones', () => {
    const spec = parseAdapterSpec({
      ...chat,
      params: { temperature: 0, top_k: 40, logit_bias: { '50256': -100 } },
    });
    assert.deepEqual(spec.kind === 'openai-chat' && spec.params, {
      temperature: 0,
      top_k: 40,
      logit_bias: { '50256': -100 },
    });
    assert.match(issues({ ...chat, params: { temperature: 'hot' } }), /temperature/);
  });

  it('refuses secrets in the spec: a key-like apiKeyEnv or an authorization header', () => {
    assert.match(issues({ ...chat, apiKeyEnv: 'sk-proj-abc123' }), /environment variable name/);
    assert.match(issues({ ...chat, headers: { Authorization: 'Bearer sk-1' } }), /apiKeyEnv/);
  });

  it('rejects a non-http base URL', () => {
    assert.match(issues({ ...chat, baseUrl: 'file:///etc/passwd' }), /http\(s\) URL/);
  });

  it('rejects http templates whose placeholders could change the host, or use unknown names', () => {
    const http = { kind: 'http', responsePath: '$.text' };
    assert.match(
      issues({ ...http, url: 'https://{{input}}.example.com/x' }),
      /scheme, host and port/,
    );
    assert.match(
      issues({ ...http, url: 'https://example.com{{input}}/x' }),
      /scheme, host and port/,
    );
    assert.doesNotThrow(() =>
      parseAdapterSpec({ ...http, url: 'https://example.com/x/{{input}}?m={{model}}' }),
    );
    assert.match(
      issues({ ...http, url: 'https://example.com/', body: { q: '{{inptu}}' } }),
      /placeholders must start/,
    );
    assert.match(
      issues({ ...http, url: 'https://example.com/', responsePath: '$..text' }),
      /choices\[0\]/,
    );
  });

  it('requires a command program without placeholders', () => {
    assert.doesNotThrow(() => parseAdapterSpec({ kind: 'command', argv: ['cat'] }));
    assert.match(issues({ kind: 'command', argv: [] }), /too_small/);
    assert.match(issues({ kind: 'command', argv: ['{input}'] }), /argv\[0\]/);
  });

  it('throws AdapterConfigError listing the problems from parseAdapterSpec', () => {
    assert.throws(
      () => parseAdapterSpec({ kind: 'openai-chat' }),
      (error: unknown) => {
        assert.ok(error instanceof AdapterConfigError);
        assert.match(error.message, /baseUrl/);
        assert.match(error.message, /model/);
        return true;
      },
    );
  });
});
