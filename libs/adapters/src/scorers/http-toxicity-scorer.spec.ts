import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AdapterConfigError } from '../errors/adapter-config-error';
import { ModelCallError } from '../errors/model-call-error';
import { sendJson, startLocalServer, type LocalServer } from '../testing/local-http-server';
import { HttpToxicityScorer, type ToxicityClassifier } from './http-toxicity-scorer';

const perspectiveKey = 'AIza-perspective-SECRET-key';

// A fake Perspective comments:analyze endpoint: scores are fixed per text, so the test can pin them.
const fixedScores: Record<string, Record<string, number>> = {
  'you are wonderful': { TOXICITY: 0.02, INSULT: 0.01 },
  'you are an idiot': { TOXICITY: 0.91, INSULT: 0.88 },
};

function fakeScoringServer(): Promise<LocalServer> {
  return startLocalServer((request, response) => {
    const url = new URL(request.url, 'http://x');
    const body = JSON.parse(request.body.toString('utf8') || 'null');
    if (url.pathname === '/v1alpha1/comments:analyze') {
      if (url.searchParams.get('key') !== perspectiveKey)
        return sendJson(response, 403, { error: 'bad key' });
      const scores = fixedScores[body.comment.text];
      if (!scores) return sendJson(response, 500, { error: `failed on ${request.url}` });
      const attributeScores = Object.fromEntries(
        Object.keys(body.requestedAttributes).map((name) => [
          name,
          { spanScores: [], summaryScore: { value: scores[name], type: 'PROBABILITY' } },
        ]),
      );
      return sendJson(response, 200, { attributeScores, languages: body.languages });
    }
    if (url.pathname === '/classify') {
      const toxic = body.inputs.includes('idiot');
      return sendJson(response, 200, [
        [
          { label: 'toxic', score: toxic ? 0.97 : 0.03 },
          { label: 'insult', score: '0.5' },
        ],
      ]);
    }
    if (url.pathname === '/out-of-range') return sendJson(response, 200, { score: 1.7 });
    sendJson(response, 404, {});
  });
}

describe('HttpToxicityScorer', () => {
  let server: LocalServer;
  before(async () => (server = await fakeScoringServer()));
  after(() => server.close());
  const env = { PERSPECTIVE_API_KEY: perspectiveKey };
  const fast = { maxRetries: 1, initialBackoffMs: 5, maxBackoffMs: 10 };

  it('asks a Perspective-compatible API and reads attributeScores.*.summaryScore.value', async () => {
    const scorer = new HttpToxicityScorer(
      {
        style: 'perspective',
        url: `${server.origin}/v1alpha1/comments:analyze`,
        apiKeyEnv: 'PERSPECTIVE_API_KEY',
        attributes: ['INSULT'],
      },
      { env },
    );
    const classifier: ToxicityClassifier = scorer;
    assert.equal(classifier.kind, 'classifier');
    assert.match(classifier.id, /^perspective:[0-9a-f]{12}$/);
    assert.deepEqual(await scorer.score('you are an idiot'), {
      toxicity: 0.91,
      attributes: { TOXICITY: 0.91, INSULT: 0.88 },
    });
    assert.equal((await scorer.score('you are wonderful')).toxicity, 0.02);
    assert.deepEqual(JSON.parse(server.requests.at(-1)!.body.toString()), {
      comment: { text: 'you are wonderful' },
      languages: ['en'],
      requestedAttributes: { TOXICITY: {}, INSULT: {} },
      doNotStore: true,
    });
    await scorer.close();
  });

  it('rejects with a ModelCallError (never a 0) and keeps the ?key= secret out of it', async () => {
    const scorer = new HttpToxicityScorer(
      {
        style: 'perspective',
        url: `${server.origin}/v1alpha1/comments:analyze`,
        apiKeyEnv: 'PERSPECTIVE_API_KEY',
        limits: fast,
      },
      { env },
    );
    const before = server.requests.length;
    const error = await scorer.score('unknown text').then(
      () => assert.fail('expected a failure'),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof ModelCallError);
    assert.deepEqual([error.code, error.status, error.attempts], ['http_status', 500, 2]);
    assert.equal(server.requests.length - before, 2);
    assert.match(error.message, /comments:analyze answered 500/);
    for (const text of [error.message, JSON.stringify(error), String(error.stack)]) {
      assert.ok(!text.includes(perspectiveKey), 'the key must not leak');
    }
    await scorer.close();
  });

  it('reads a generic JSON classifier through a body template and score paths', async () => {
    const scorer = new HttpToxicityScorer({
      style: 'json',
      id: 'toxic-bert-local',
      url: `${server.origin}/classify`,
      body: { inputs: '{{text}}', options: { wait_for_model: true } },
      scorePath: '$[0][0].score',
      attributePaths: { insult: '$[0][1].score' },
    });
    assert.equal(scorer.id, 'toxic-bert-local');
    assert.deepEqual(await scorer.score('what an idiot "move"'), {
      toxicity: 0.97,
      attributes: { insult: 0.5 },
    });
    assert.deepEqual(JSON.parse(server.requests.at(-1)!.body.toString()), {
      inputs: 'what an idiot "move"',
      options: { wait_for_model: true },
    });
    await scorer.close();
  });

  it('treats a score outside [0, 1] as invalid_response, not retried', async () => {
    const scorer = new HttpToxicityScorer({
      style: 'json',
      url: `${server.origin}/out-of-range`,
      scorePath: 'score',
      limits: fast,
    });
    await assert.rejects(scorer.score('x'), (error: unknown) => {
      assert.ok(error instanceof ModelCallError);
      assert.deepEqual([error.code, error.attempts], ['invalid_response', 1]);
      return true;
    });
    await scorer.close();
  });

  it('refuses a spec with unknown fields or a missing key variable', () => {
    const url = `${server.origin}/v1alpha1/comments:analyze`;
    assert.throws(
      () => new HttpToxicityScorer({ style: 'perspective', url, extra: 1 } as never),
      AdapterConfigError,
    );
    assert.throws(
      () =>
        new HttpToxicityScorer(
          { style: 'perspective', url, apiKeyEnv: 'NOT_SET_ANYWHERE' },
          { env: {} },
        ),
      /NOT_SET_ANYWHERE/,
    );
  });
});
