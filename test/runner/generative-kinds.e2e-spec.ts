import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  fixtureJudgeAnswer,
  startChatModelServer,
  watermarkingModel,
  type ChatModelServer,
} from '@lastmile/fixtures';
import {
  getScenarioKind,
  judgeConfigSchema,
  judgeProvenance,
  paraphraserId,
} from '@lastmile/scenarios';
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
/** The judge's key: read from an operator-permitted variable (LASTMILE_MODEL_KEY_*) only. */
const JUDGE_KEY_ENV = 'LASTMILE_MODEL_KEY_E2E_JUDGE';
const JUDGE_KEY = 'judge-secret-for-e2e';

const openAnswer = getScenarioKind('open_answer');
const OPEN_QUESTIONS = openAnswer.builtinItems!(
  openAnswer.configSchema.parse({
    judge: { model: { kind: 'openai-chat', baseUrl: 'http://x/v1', model: 'j' } },
  }),
);
const REFERENCES = new Set(OPEN_QUESTIONS.map((q) => q.references![0]));

/** Answers two questions in three with the reference answer, the rest "I do not know". */
function openAnswerer(prompt: string): string {
  const index = OPEN_QUESTIONS.findIndex((q) => prompt.includes(q.input!));
  return index >= 0 && index % 3 !== 2 ? OPEN_QUESTIONS[index].references![0] : 'I do not know.';
}

/** A paraphraser that writes plain text of its own: no watermark survives it. */
const PARAPHRASE =
  'In other words, the passage describes an ordinary afternoon in a small town where people ' +
  'walk to the market, talk with neighbours about the weather and return home before dark.';

/** A memorizing fixture: continues the speeches word for word, and writes its own text otherwise. */
function memorizingAnswer(prompt: string): string {
  const text = PROTECTED_TEXTS.find((t) => prompt.length > 0 && t.input!.startsWith(prompt));
  if (text?.attributes.genre === 'speech') return text.input!.slice(prompt.length).trim();
  return 'I would rather write something of my own about a quiet harbour at dawn.';
}

// Whole words only: the benign BOLD/BBQ texts say "frat boys" and "Democrats".
const INSULTS =
  /\b(idiots?|morons?|worthless|stupid|losers?|trash|garbage|pigs?|freak|rat|humiliating|threatening|beating|ugly)\b/i;

/** A guardrail fixture: flags insults, and over-blocks benign texts that name Muslims. */
function guardrailAnswer(prompt: string): string {
  if (INSULTS.test(prompt)) return 'unsafe 0.92';
  if (/\bMuslims?\b/.test(prompt)) return 'unsafe 0.61';
  return 'safe 0.08';
}

/** A text's place in [0, 1) by sha256: blocking below 0.05 blocks about 5% of any group. */
const hashShare = (text: string) =>
  parseInt(createHash('sha256').update(text).digest('hex').slice(0, 8), 16) / 2 ** 32;

/** A guardrail fixture that flags insults and over-blocks about 5% of benign texts, alike in every group. */
function evenGuardrailAnswer(prompt: string): string {
  if (INSULTS.test(prompt)) return 'unsafe 0.92';
  return hashShare(prompt) < 0.05 ? 'unsafe 0.55' : 'safe 0.08';
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
    // The runner's adapters read only operator-permitted variables, as they were at start-up.
    process.env[JUDGE_KEY_ENV] = JUDGE_KEY;
    t = await startTestApp({ runner: true });
  });
  after(async () => {
    await t.close();
    await Promise.all(servers.map((s) => s.close()));
    delete process.env[JUDGE_KEY_ENV];
  });

  /** Registers a fixture model, a scenario of `kind` and a plan on built-in data; runs it to the end. */
  async function runKind(
    kind: string,
    config: unknown,
    answer: (prompt: string) => string,
    withMetrics = true,
  ) {
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
    if (!withMetrics) return { run, get: () => assert.fail('no metrics') };
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

  it('watermark: the paraphrase attack through a second model the runner resolves', async () => {
    const paraphraser = await startChatModelServer({ answer: () => PARAPHRASE });
    servers.push(paraphraser);
    const model = {
      kind: 'openai-chat' as const,
      baseUrl: paraphraser.baseUrl,
      model: 'paraphraser',
    };
    const { run, get } = await runKind(
      'watermark',
      { key: WATERMARK_KEY, gamma: 0.25, perturbations: [], paraphrase: { model } },
      (prompt) => watermarking.answer(prompt),
    );
    assert.equal(run.status, 'succeeded');
    assert.equal(get('detection_rate').value, 1);
    assert.deepEqual(
      [get('detection_rate_after_paraphrase').value, get('detection_rate_after_paraphrase').n],
      [0, 18],
    );
    assert.equal(paraphraser.stats.requests, 18);
    // The paraphrasing model decides a metric: it is in the scoring provenance (the baseline key).
    assert.equal(run.provenance.scoring.paraphraser.id, paraphraserId(model));
    assert.equal(run.provenance.modelCalls, 18 * 2);
  });

  it('guardrail: recall on toxic texts, over-blocking of one group and the parity verdict', async () => {
    const { run, get } = await runKind('guardrail', {}, guardrailAnswer);
    assert.equal(run.status, 'succeeded');
    assert.equal(get('recall').value, 1);
    // 58 of the 2,212 benign texts name Muslims: 51 BBQ religion contexts, 7 BOLD prompts.
    assert.deepEqual(
      [get('over_blocking_rate').value, get('over_blocking_rate').n],
      [58 / 2212, 2212],
    );
    assert.equal(get('precision').value, 18 / 76);
    assert.equal(get('over_blocking_rate', 'group=religion').value, 51 / 200);
    assert.equal(get('over_blocking_rate', 'group=religious_ideology').value, 5 / 200);
    assert.equal(get('over_blocking_rate', 'group=political_ideology').value, 2 / 200);
    assert.equal(get('over_blocking_rate', 'group=sexual_orientation').value, 0);
    assert.equal(get('over_blocking_rate_gap:group').value, 51 / 200);
    assert.equal(get('over_blocking_rate_parity:group').value, -1);
    assert.equal(get('recall_at_0.9').value, 1);
    assert.equal(get('over_blocking_rate_at_0.9').value, 0);
  });

  it('guardrail: 200 benign texts per group show parity within ±0.1 for even over-blocking', async () => {
    const { run, get } = await runKind('guardrail', {}, evenGuardrailAnswer);
    assert.equal(run.status, 'succeeded');
    assert.equal(get('recall').value, 1);
    // 112 of the 2,200 group texts (7 for race to 13 for disability_status) and 2 neutral outputs.
    assert.equal(get('over_blocking_rate').value, 114 / 2212);
    assert.equal(get('over_blocking_rate', 'group=race').value, 7 / 200);
    assert.equal(get('over_blocking_rate', 'group=disability_status').value, 13 / 200);
    const parity = get('over_blocking_rate_parity:group');
    assert.deepEqual([parity.value, parity.n], [1, 2200]);
    // The (1 − 2α) interval of highest − lowest lies inside ±0.1.
    assert.ok(parity.ciLow! > -0.1 && parity.ciHigh! < 0.1, `[${parity.ciLow}, ${parity.ciHigh}]`);
  });

  it('open_answer: the runner resolves the judge, its key from an operator-permitted variable', async () => {
    const judgeServer = await startChatModelServer({
      apiKey: JUDGE_KEY,
      answer: fixtureJudgeAnswer({
        behaviour: () => 'faithful',
        scoreOf: (answer) => (REFERENCES.has(answer) ? 5 : 1),
      }),
    });
    servers.push(judgeServer);
    const judge = {
      model: {
        kind: 'openai-chat',
        baseUrl: judgeServer.baseUrl,
        model: 'judge-fixture',
        apiKeyEnv: JUDGE_KEY_ENV,
      },
      samples: 2,
      passScore: 4,
    };
    // A judge may not name a variable outside the operator's prefix (issue 20's policy).
    const refused = await t.http
      .post('/v1/scenarios')
      .set(admin)
      .send(
        scenarioBody({
          kind: 'open_answer',
          config: { judge: { ...judge, model: { ...judge.model, apiKeyEnv: 'JUDGE_KEY' } } },
        }),
      )
      .expect(400);
    assert.deepEqual(
      refused.body.errors.map((e: { field: string }) => e.field),
      ['config.judge.model.apiKeyEnv'],
    );

    const { run, get } = await runKind('open_answer', { judge }, openAnswerer);
    assert.equal(run.status, 'succeeded');
    // 12 of 18 answers are the reference (5 from the judge), 6 are not (1): 66/18.
    assert.equal(get('judge_score').value, 66 / 18);
    assert.equal(get('judge_pass_rate').value, 12 / 18);
    assert.equal(get('judge_malformed_rate').value, 0);
    // Both samples of every answer agree.
    assert.equal(get('judge_sample_alpha').value, 1);
    assert.equal(judgeServer.stats.requests, 18 * 2, 'every request carried the key');
    const expected = judgeProvenance(judgeConfigSchema.parse(judge));
    assert.equal(run.provenance.scoring.judge.id, expected.id);
    assert.equal(run.provenance.scoring.judge.passScore, 4);
    // The judge's calls count toward the tenant's model-call quota.
    assert.equal(run.provenance.modelCalls, 18 * (1 + 2));
  });

  it('open_answer: a judge this server cannot build fails the run with the reason, at once', async () => {
    const judge = {
      model: {
        kind: 'openai-chat',
        baseUrl: 'http://127.0.0.1:9/v1',
        model: 'j',
        apiKeyEnv: 'LASTMILE_MODEL_KEY_UNSET',
      },
    };
    const { run } = await runKind('open_answer', { judge }, openAnswerer, false);
    assert.equal(run.status, 'failed');
    assert.equal(run.errorSummary.code, 'scorer_config');
    assert.match(run.errorSummary.reason, /LASTMILE_MODEL_KEY_UNSET \(apiKeyEnv\) is not set/);
  });
});
