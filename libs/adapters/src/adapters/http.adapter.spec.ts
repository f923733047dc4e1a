import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ModelCallError } from '../errors/model-call-error';
import { sendJson, startLocalServer, type LocalServer } from '../testing/local-http-server';
import { createAdapter } from './create-adapter';

// A made-up generation API: POST /generate?user=..., answers { data: { outputs: [{ text }] } }.
function fakeGenerationApi(): Promise<LocalServer> {
  return startLocalServer((request, response) => {
    if (request.url.startsWith('/plain')) return response.end('  plain answer \n');
    const body = JSON.parse(request.body.toString('utf8'));
    sendJson(response, 200, {
      data: { outputs: [{ text: `echo:${body.inputs.text}` }], count: 2 },
    });
  });
}

describe('http adapter', () => {
  let server: LocalServer;
  before(async () => (server = await fakeGenerationApi()));
  after(() => server.close());

  const tricky = 'he said "hi" \\ {{input}}\n\t</script> é 🎉';

  it('fills the body template JSON-safely and reads the answer at the response path', async () => {
    const adapter = createAdapter(
      {
        kind: 'http',
        url: `${server.origin}/generate?user={{params.user}}`,
        model: 'gen-1',
        apiKeyEnv: 'GEN_KEY',
        apiKeyHeader: 'x-api-key',
        headers: { 'x-client': 'lastmile' },
        body: {
          inputs: { text: '{{input}}', prefix: 'Q: {{input}}' },
          history: '{{messages}}',
          options: {
            temperature: '{{params.temperature}}',
            top_p: '{{params.top_p}}',
            model: '{{model}}',
          },
        },
        responsePath: '$.data.outputs[0].text',
        params: { temperature: 0.2, user: 'a&b c' },
      },
      { env: { GEN_KEY: 'gen-secret' } },
    );
    const response = await adapter.invoke({ prompt: tricky });
    const sent = server.requests.at(-1)!;
    assert.equal(sent.url, '/generate?user=a%26b%20c');
    assert.equal(sent.headers['x-api-key'], 'gen-secret');
    assert.equal(sent.headers.authorization, undefined);
    assert.equal(sent.headers['x-client'], 'lastmile');
    assert.deepEqual(JSON.parse(sent.body.toString('utf8')), {
      inputs: { text: tricky, prefix: `Q: ${tricky}` },
      history: [{ role: 'user', content: tricky }],
      // top_p is unset, so its key is dropped rather than sent as null or "".
      options: { temperature: 0.2, model: 'gen-1' },
    });
    assert.equal(response.text, `echo:${tricky}`);
    assert.equal(response.attempts, 1);
    await adapter.close?.();
  });

  it('takes the whole body as the answer when there is no response path', async () => {
    const adapter = createAdapter({
      kind: 'http',
      method: 'GET',
      url: `${server.origin}/plain/{{input}}`,
    });
    const response = await adapter.invoke({ prompt: 'a/b?' });
    assert.equal(server.requests.at(-1)!.url, '/plain/a%2Fb%3F');
    assert.equal(server.requests.at(-1)!.body.length, 0);
    assert.equal(response.text, 'plain answer');
    await adapter.close?.();
  });

  it('reports invalid_response when the path selects nothing usable', async () => {
    const adapter = createAdapter({
      kind: 'http',
      url: `${server.origin}/generate`,
      body: { inputs: { text: '{{input}}' } },
      responsePath: 'data.outputs',
    });
    await assert.rejects(adapter.invoke({ prompt: 'x' }), (error: unknown) => {
      assert.ok(error instanceof ModelCallError);
      assert.deepEqual([error.code, error.attempts], ['invalid_response', 1]);
      assert.match(error.message, /without a text at data\.outputs/);
      return true;
    });
    await adapter.close?.();
  });

  it('stringifies a number at the response path', async () => {
    const adapter = createAdapter({
      kind: 'http',
      url: `${server.origin}/generate`,
      body: { inputs: { text: '{{input}}' } },
      responsePath: 'data.count',
    });
    assert.equal((await adapter.invoke({ prompt: 'x' })).text, '2');
    await adapter.close?.();
  });
});
