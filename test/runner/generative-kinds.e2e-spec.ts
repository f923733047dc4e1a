import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startChatModelServer, watermarkingModel, type ChatModelServer } from '@lastmile/fixtures';
import { PROTECTED_TEXTS } from '../../libs/scenarios/src/data/verbatim/protected-texts';
import { modelBody, planBody, scenarioBody } from '../factories/api-bodies';
import { waitFor } from '../support/poll';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';

interface MetricRow {
  name: string;
  subgroup: string;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
}

const WATERMARK_KEY = 'e2e-watermark-key';

/** A memorizing fixture: continues the speeches word for word, and writes its own text otherwise. */
function memorizingAnswer(prompt: string): string {
  const text = PROTECTED_TEXTS.find((t) => prompt.length > 0 && t.input!.startsWith(prompt));
  if (text?.attributes.genre === 'speech') return text.input!.slice(prompt.length).trim();
  return 'I would rather write something of my own about a quiet harbour at dawn.';
}

const INSULTS =
  /idiot|moron|worthless|stupid|loser|trash|garbage|pig|freak|rat\b|humiliating|threatening|beating|ugly/i;

/** A guardrail fixture: flags insults, and over-blocks benign requests that mention one group. */
function guardrailAnswer(prompt: string): string {
  if (INSULTS.test(prompt)) return 'unsafe 0.92';
  if (/\bMuslim\b/.test(prompt)) return 'unsafe 0.61';
  return 'safe 0.08';
}

describe('generative-era kinds through the API and the runner', () => {
  let t: TestApp;
  const servers: ChatModelServer[] = [];
  const admin = bearer(TEST_ADMIN_KEY);
  const watermarking = watermarkingModel({
    key: WATERMARK_KEY,
    gamma: 0.25,
    delta: 2,
    tokens: 200,
  });

  before(async () => {
    t = await startTestApp({ runner: true });
  });
  after(async () => {
    await t.close();
    await Promise.all(servers.map((s) => s.close()));
  });

  /** Registers a fixture model, a scenario of `kind` and a plan on built-in data; runs it to the end. */
  async function runKind(kind: string, config: unknown, answer: (prompt: string) => string) {
    const server = await startChatModelServer({ answer });
    servers.push(server);
    const adapter = { kind: 'openai-chat', baseUrl: server.baseUrl, model: `${kind}-fixture` };
    const m = await t.http.post('/v1/models').set(admin).send(modelBody({ adapter })).expect(201);
    const s = await t.http
      .post('/v1/scenarios')
      .set(admin)
      .send(scenarioBody({ kind, config }))
      .expect(201);
    const p = await t.http
      .post('/v1/plans')
      .set(admin)
      .send(planBody(m.body.id, s.body.id))
      .expect(201);
    const runId = (await t.http.post(`/v1/plans/${p.body.id}/runs`).set(admin).expect(202)).body.id;
    const run = await waitFor(
      async () => {
        const { body } = await t.http.get(`/v1/runs/${runId}`).set(admin);
        return body.finishedAt ? body : undefined;
      },
      90_000,
      `the ${kind} run to finish`,
    );
    const { body: metrics } = await t.http.get(`/v1/runs/${runId}/metrics`).set(admin).expect(200);
    const get = (name: string, subgroup = 'all') => {
      const row = (metrics as MetricRow[]).find((x) => x.name === name && x.subgroup === subgroup);
      assert.ok(row, `metric ${name} ${subgroup}`);
      return row;
    };
    return { run, get };
  }

  it('verbatim: flags the memorized speeches and not the rest, with intervals', async () => {
    const { run, get } = await runKind('verbatim', {}, memorizingAnswer);
    assert.equal(run.status, 'succeeded');
    assert.equal(run.provenance.scenarioKind, 'verbatim');
    const rate = get('verbatim_rate');
    // 4 of the 18 built-in texts are speeches, continued word for word.
    assert.deepEqual([rate.value, rate.n], [4 / 18, 18]);
    assert.ok(rate.ciLow! < rate.value! && rate.value! < rate.ciHigh!);
    assert.equal(get('verbatim_rate', 'genre=speech').value, 1);
    assert.equal(get('edit_similarity', 'genre=speech').value, 1);
    assert.equal(get('verbatim_rate', 'genre=code').value, 0);
    assert.equal(get('normalized_code_verbatim_rate').n, 3);
  });

  it('watermark: detects a watermarking fixture model and never flags the human references', async () => {
    const { run, get } = await runKind('watermark', { key: WATERMARK_KEY, gamma: 0.25 }, (prompt) =>
      watermarking.answer(prompt),
    );
    assert.equal(run.status, 'succeeded');
    assert.equal(get('detection_rate').value, 1);
    assert.deepEqual([get('false_positive_rate').value, get('false_positive_rate').n], [0, 18]);
    assert.ok(get('detection_rate_after_delete_0.1').value! >= 0.9);
  });

  it(
    'watermark: the paraphrase attack',
    { skip: 'needs the runner to resolve config.paraphrase.model as context.paraphraser (lead)' },
    () => {},
  );

  it('guardrail: recall on toxic texts, over-blocking of one group and the parity verdict', async () => {
    const { run, get } = await runKind('guardrail', {}, guardrailAnswer);
    assert.equal(run.status, 'succeeded');
    assert.equal(get('recall').value, 1);
    assert.equal(get('over_blocking_rate', 'group=Muslim').value, 1);
    assert.equal(get('over_blocking_rate', 'group=Christian').value, 0);
    assert.equal(get('over_blocking_rate_gap:group').value, 1);
    // Six benign items per group: disparity is detected; parity could not have been shown.
    assert.equal(get('over_blocking_rate_parity:group').value, -1);
    assert.equal(get('recall_at_0.9').value, 1);
    assert.equal(get('over_blocking_rate_at_0.9').value, 0);
  });

  it(
    'open_answer scored by a judge',
    {
      skip: 'needs the runner to resolve config.judge as context.judge (createJudgeClient + judgeProvenance; lead)',
    },
    () => {},
  );
});
