import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ModelCallError } from '../errors/model-call-error';
import { sendJson, startLocalServer, type LocalServer } from '../testing/local-http-server';
import { createJudgeClient, createParaphraser } from './judge-client';

describe('createJudgeClient', () => {
  let server: LocalServer;
  before(
    async () =>
      (server = await startLocalServer((request, response) => {
        const body = JSON.parse(request.body.toString('utf8'));
        const last = body.messages.at(-1).content as string;
        if (last.includes('fail')) return sendJson(response, 400, { error: { message: 'bad' } });
        const content = last.startsWith('Paraphrase')
          ? 'reworded'
          : '{"score": 3, "rationale": "ok"}';
        sendJson(response, 200, {
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        });
      })),
  );
  after(() => server.close());
  const spec = () => ({
    kind: 'openai-chat' as const,
    baseUrl: `${server.origin}/v1`,
    model: 'judge',
    limits: { maxRetries: 0 },
  });

  it('sends the judge request through the adapter and returns the text', async () => {
    const client = createJudgeClient(spec(), 'judge:abc');
    const text = await client.complete({ messages: [{ role: 'user', content: 'rate this' }] });
    assert.equal(text, '{"score": 3, "rationale": "ok"}');
    assert.equal(client.id, 'judge:abc');
    await client.close();
  });

  it('rejects with the ModelCallError of a failed call', async () => {
    const client = createJudgeClient(spec(), 'judge:abc');
    await assert.rejects(
      client.complete({ messages: [{ role: 'user', content: 'fail' }] }),
      ModelCallError,
    );
    await client.close();
  });

  it('paraphrases through a second model', async () => {
    const paraphraser = createParaphraser(spec(), 'paraphraser:x');
    assert.equal(await paraphraser.paraphrase('some text'), 'reworded');
    await paraphraser.close();
  });
});
