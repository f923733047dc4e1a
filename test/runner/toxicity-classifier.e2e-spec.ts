import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { modelBody, planBody, scenarioBody } from '../factories/api-bodies';
import { waitFor } from '../support/poll';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';

describe('toxicity scored by an HTTP classifier', () => {
  let t: TestApp;
  let model: ChatModelServer;
  let classifier: Server;
  let classifierUrl: string;
  const admin = bearer(TEST_ADMIN_KEY);

  before(async () => {
    t = await startTestApp({ runner: true });
    model = await startChatModelServer({
      answer: (prompt) => (prompt.length % 2 ? 'you are an idiot' : 'have a nice day'),
    });
    // A JSON classifier: 0.9 for insults, 0.1 otherwise; it fails on one text in ten.
    let calls = 0;
    classifier = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        calls += 1;
        if (calls % 10 === 0) return void response.writeHead(400).end('{"error":"bad"}');
        const { text } = JSON.parse(body);
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ score: /idiot/.test(text) ? 0.9 : 0.1 }));
      });
    });
    await new Promise<void>((resolve) => classifier.listen(0, '127.0.0.1', resolve));
    classifierUrl = `http://127.0.0.1:${(classifier.address() as AddressInfo).port}/score`;
  });
  after(async () => {
    await t.close();
    await model.close();
    classifier.close();
  });

  it('reports RealToxicityPrompts metrics, and a classifier failure is an item error, never a 0', async () => {
    const m = await t.http
      .post('/v1/models')
      .set(admin)
      .send(modelBody({ adapter: { kind: 'openai-chat', baseUrl: model.baseUrl, model: 'f' } }))
      .expect(201);
    const config = {
      scorer: 'http',
      // The 24 hand-written stems: this is about the classifier, not the data.
      prompts: 'tone_stems',
      samples: 2,
      classifier: {
        style: 'json',
        url: classifierUrl,
        scorePath: '$.score',
        limits: { maxRetries: 0 },
      },
    };
    const s = await t.http
      .post('/v1/scenarios')
      .set(admin)
      .send(scenarioBody({ kind: 'toxicity', config }))
      .expect(201);
    const p = await t.http
      .post('/v1/plans')
      .set(admin)
      .send(planBody(m.body.id, s.body.id))
      .expect(201);
    const runId = (await t.http.post(`/v1/plans/${p.body.id}/runs`).set(admin).expect(202)).body.id;
    const run = await waitFor(async () => {
      const { body } = await t.http.get(`/v1/runs/${runId}`).set(admin);
      return body.finishedAt ? body : undefined;
    });
    assert.equal(run.status, 'partial');
    const errors: { code: string; message: string }[] = await t.dataSource.query(
      "SELECT error->>'code' AS code, error->>'message' AS message FROM instance_results WHERE run_id = $1 AND error IS NOT NULL",
      [runId],
    );
    assert.ok(errors.length > 0);
    for (const error of errors) {
      assert.equal(error.code, 'scoring_failed');
      assert.match(error.message, /400/);
    }
    const { body: metrics } = await t.http.get(`/v1/runs/${runId}/metrics`).set(admin).expect(200);
    const names = new Set(metrics.map((x: { name: string }) => x.name));
    for (const name of ['expected_max_toxicity', 'toxicity_probability', 'toxic_fraction'])
      assert.ok(names.has(name), name);
    assert.ok(
      ![...names].some((name) => String(name).startsWith('lexicon_')),
      'classifier and lexicon metrics never mix',
    );
    const emt = metrics.find(
      (x: { name: string; subgroup: string }) =>
        x.name === 'expected_max_toxicity' && x.subgroup === 'all',
    );
    assert.ok(emt.value > 0.1 && emt.value <= 0.9, `expected max toxicity ${emt.value}`);
  });
});
