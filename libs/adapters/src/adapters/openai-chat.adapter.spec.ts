import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ModelCallError } from '../errors/model-call-error';
import { sendJson, startLocalServer, type LocalServer } from '../testing/local-http-server';
import { createAdapter } from './create-adapter';

// A fake OpenAI-compatible server: it answers from what it received, so the test checks both ways.
function fakeOpenAi(): Promise<LocalServer> {
  return startLocalServer((request, response) => {
    const body = JSON.parse(request.body.toString('utf8'));
    if (request.url === '/v1/chat/completions') {
      const last = body.messages.at(-1).content;
      return sendJson(response, 200, {
        id: 'chatcmpl-1',
        object: 'chat.completion',
        model: body.model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: `you said: ${last}` },
            finish_reason: 'stop',
          },
        ],
        usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 },
      });
    }
    if (request.url === '/v1/completions') {
      return sendJson(response, 200, {
        id: 'cmpl-1',
        object: 'text_completion',
        choices: [{ index: 0, text: `${body.prompt} world`, finish_reason: 'length' }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      });
    }
    sendJson(response, 404, { error: { message: 'not found' } });
  });
}

describe('openai-chat and openai-completions adapters', () => {
  let server: LocalServer;
  before(async () => (server = await fakeOpenAi()));
  after(() => server.close());

  it('posts model, messages and merged decoding params to /chat/completions and reads the reply', async () => {
    const env = { TEST_OPENAI_KEY: 'key-one' };
    const adapter = createAdapter(
      {
        kind: 'openai-chat',
        baseUrl: `${server.origin}/v1`,
        model: 'gpt-test',
        apiKeyEnv: 'TEST_OPENAI_KEY',
        headers: { 'x-team': 'evals' },
        params: { temperature: 0.7, max_tokens: 16, top_k: 40 },
      },
      { env },
    );
    const messages = [
      { role: 'system', content: 'be brief' },
      { role: 'user', content: 'hi "there"\n' },
    ];
    const response = await adapter.invoke({ messages, params: { temperature: 0, seed: 3 } });
    const sent = server.requests.at(-1)!;
    assert.equal(sent.method, 'POST');
    assert.equal(sent.url, '/v1/chat/completions');
    assert.equal(sent.headers.authorization, 'Bearer key-one');
    assert.equal(sent.headers['x-team'], 'evals');
    assert.deepEqual(JSON.parse(sent.body.toString()), {
      model: 'gpt-test',
      messages,
      temperature: 0,
      max_tokens: 16,
      top_k: 40,
      seed: 3,
    });
    assert.equal(response.text, 'you said: hi "there"\n');
    assert.equal(response.attempts, 1);
    assert.ok(response.latencyMs >= 0);
    assert.deepEqual(response.usage, { promptTokens: 7, completionTokens: 3, totalTokens: 10 });
    await adapter.close?.();
  });

  it('reads the API key at call time, so a rotated key is used without recreating the adapter', async () => {
    const env: Record<string, string> = { TEST_OPENAI_KEY: 'old-key' };
    const spec = {
      kind: 'openai-chat',
      baseUrl: `${server.origin}/v1/`,
      model: 'm',
      apiKeyEnv: 'TEST_OPENAI_KEY',
    } as const;
    const adapter = createAdapter(spec, { env });
    await adapter.invoke({ prompt: 'a' });
    env.TEST_OPENAI_KEY = 'new-key';
    await adapter.invoke({ prompt: 'b' });
    const keys = server.requests.slice(-2).map((request) => request.headers.authorization);
    assert.deepEqual(keys, ['Bearer old-key', 'Bearer new-key']);
    await adapter.close?.();
  });

  it('sends a prompt as a single user message', async () => {
    const adapter = createAdapter({
      kind: 'openai-chat',
      baseUrl: `${server.origin}/v1`,
      model: 'm',
    });
    const response = await adapter.invoke({ prompt: 'ping' });
    assert.deepEqual(JSON.parse(server.requests.at(-1)!.body.toString()).messages, [
      { role: 'user', content: 'ping' },
    ]);
    assert.equal(server.requests.at(-1)!.headers.authorization, undefined);
    assert.equal(response.text, 'you said: ping');
    await adapter.close?.();
  });

  it('posts the prompt to /completions and reads choices[0].text', async () => {
    const adapter = createAdapter({
      kind: 'openai-completions',
      baseUrl: `${server.origin}/v1`,
      model: 'davinci-test',
      params: { stop: ['\n'], n: 1 },
    });
    const response = await adapter.invoke({ prompt: 'hello' });
    const sent = server.requests.at(-1)!;
    assert.equal(sent.url, '/v1/completions');
    assert.deepEqual(JSON.parse(sent.body.toString()), {
      model: 'davinci-test',
      prompt: 'hello',
      stop: ['\n'],
      n: 1,
    });
    assert.equal(response.text, 'hello world');
    assert.deepEqual(response.usage, { promptTokens: 1, completionTokens: 1, totalTokens: 2 });
    await adapter.close?.();
  });

  it('rejects a request without any input as invalid_request before calling the model', async () => {
    const adapter = createAdapter({
      kind: 'openai-completions',
      baseUrl: `${server.origin}/v1`,
      model: 'm',
    });
    const before = server.requests.length;
    await assert.rejects(adapter.invoke({}), (error: unknown) => {
      assert.ok(error instanceof ModelCallError);
      assert.equal(error.code, 'invalid_request');
      assert.equal(error.attempts, 0);
      return true;
    });
    assert.equal(server.requests.length, before);
    await adapter.close?.();
  });

  it('refuses to create an adapter whose apiKeyEnv variable is not set', () => {
    const spec = {
      kind: 'openai-chat',
      baseUrl: `${server.origin}/v1`,
      model: 'm',
      apiKeyEnv: 'MISSING_KEY_VAR',
    } as const;
    assert.throws(
      () => createAdapter(spec, { env: {} }),
      /MISSING_KEY_VAR \(apiKeyEnv\) is not set/,
    );
  });
});
