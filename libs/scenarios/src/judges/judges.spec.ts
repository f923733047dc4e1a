import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScenarioRequest } from '../scenario-kind';
import type { JudgeClient } from './judge-client';
import { judgeConfigSchema } from './judge-config';
import { combineOrders } from './judge-aggregate';
import { parseJudgment, parseSingleJudgment, pairwiseJudgmentSchema } from './judge-output';
import { judgeProvenance } from './judge-provenance';
import { judgePairwise, judgeSingle, requireJudge } from './judge-scorer';

const model = { kind: 'openai-chat', baseUrl: 'http://127.0.0.1:9/v1', model: 'judge-fixture' };
const config = judgeConfigSchema.parse({ model, samples: 3, passScore: 4 });
const pairwise = judgeConfigSchema.parse({ model, mode: 'pairwise', samples: 2 });

/** A judge client answering from a script, recording what it was asked. */
function scripted(answers: string[], cfg = config): JudgeClient & { asked: ScenarioRequest[] } {
  const asked: ScenarioRequest[] = [];
  return {
    id: judgeProvenance(cfg).id,
    asked,
    complete: async (request) => {
      asked.push(request);
      const answer = answers[(asked.length - 1) % answers.length];
      return answer;
    },
  };
}

describe('judge output parsing', () => {
  it('reads JSON bare, inside a ```json fence, or inside surrounding prose', () => {
    const expected = { score: 4, rationale: 'Mostly right.' };
    for (const answer of [
      '{"score": 4, "rationale": "Mostly right."}',
      'Here you go:\n```json\n{"score": 4, "rationale": "Mostly right."}\n```',
      'My verdict is {"score": 4, "rationale": "Mostly right."} as requested.',
    ]) {
      assert.deepEqual(parseSingleJudgment(answer, config.scale), { ok: true, value: expected });
    }
  });

  it('turns a malformed answer into an error with a reason, never a score', () => {
    assert.deepEqual(parseSingleJudgment('I would say four.', config.scale), {
      ok: false,
      error: 'no JSON object in the answer',
    });
    assert.deepEqual(
      parseSingleJudgment('{"score": "four", "rationale": "x"}', config.scale).ok,
      false,
    );
    assert.deepEqual(parseSingleJudgment('{"score": 9, "rationale": "x"}', config.scale), {
      ok: false,
      error: 'score 9 is off the scale 1–5',
    });
    const pair = parseJudgment('{"winner": "C", "rationale": "x"}', pairwiseJudgmentSchema);
    assert.equal(pair.ok, false);
  });
});

describe('judgeSingle', () => {
  it('averages the valid samples and counts the malformed one apart', async () => {
    const judge = scripted([
      '{"score": 5, "rationale": "Exact."}',
      'not json',
      '```json\n{"score": 4, "rationale": "Good."}\n```',
    ]);
    const stats = await judgeSingle(judge, config, { question: 'Q?', answer: 'A.' });
    assert.deepEqual(stats, {
      judge_id: judge.id,
      judge_score: 4.5,
      judge_scores: '5,4',
      judge_pass: 1,
      judge_spread: 0.25,
      judge_modal_share: 0.5,
      judge_valid: 2,
      judge_malformed: 1,
      judge_error: 'no JSON object in the answer',
      judge_rationale: 'Exact.',
    });
    assert.equal(judge.asked.length, 3);
    assert.match(judge.asked[0].messages![1].content, /\[Question\]\nQ\?\n/);
    assert.deepEqual(
      judge.asked.map((r) => r.params!.seed),
      [1000, 1001, 1002],
    );
  });

  it('fails the item when every answer is malformed', async () => {
    await assert.rejects(
      judgeSingle(scripted(['nope']), config, { question: 'Q', answer: 'A' }),
      /all 3 judge answers were malformed/,
    );
  });

  it('refuses a missing judge or one with another identity', () => {
    assert.throws(() => requireJudge(config, undefined), /runner supplied none/);
    const other = judgeConfigSchema.parse({ model, rubric: 'Be harsh.' });
    assert.throws(() => requireJudge(config, scripted([], other)), /the config names/);
  });
});

describe('pairwise judging with position-bias control', () => {
  it('combines both orders: a verdict that flips with the order is a tie', () => {
    const a = { winner: 'A' as const, rationale: 'x' };
    const b = { winner: 'B' as const, rationale: 'x' };
    assert.deepEqual(combineOrders(a, b), { outcome: 'win', consistent: true, score: 1 });
    assert.deepEqual(combineOrders(b, a), { outcome: 'loss', consistent: true, score: 0 });
    assert.deepEqual(combineOrders(a, a), { outcome: 'tie', consistent: false, score: 0.5 });
  });

  it('scores a judge that always prefers the first answer as all ties, 0% consistent', async () => {
    const judge = scripted(['{"winner": "A", "rationale": "First is better."}'], pairwise);
    const stats = await judgePairwise(judge, pairwise, {
      question: 'Q',
      candidate: 'model answer',
      reference: 'reference answer',
    });
    assert.deepEqual(
      [stats.win_score, stats.position_consistent, stats.first_position_wins, stats.judge_valid],
      [0.5, 0, 1, 2],
    );
    // Both orders were asked: the candidate first, then second.
    assert.match(judge.asked[0].messages![1].content, /\[Answer A\]\nmodel answer/);
    assert.match(judge.asked[1].messages![1].content, /\[Answer A\]\nreference answer/);
  });

  it('credits a consistent preference for the candidate', async () => {
    const judge = scripted(
      ['{"winner": "A", "rationale": "x"}', '{"winner": "B", "rationale": "y"}'],
      pairwise,
    );
    const stats = await judgePairwise(judge, pairwise, {
      question: 'Q',
      candidate: 'c',
      reference: 'r',
    });
    assert.deepEqual(
      [stats.win_score, stats.position_consistent, stats.first_position_wins],
      [1, 1, 0.5],
    );
  });
});

describe('judgeProvenance', () => {
  it('changes with the model, the rubric, the scale and the version, not with sampling settings', () => {
    const base = judgeProvenance(config);
    assert.match(base.id, /^judge:[0-9a-f]{16}$/);
    const variants = [
      { model: { ...model, model: 'other-judge' } },
      { rubric: 'Only correctness matters.' },
      { scale: { min: 0, max: 10 } },
      { version: '2' },
    ].map((change) => judgeProvenance(judgeConfigSchema.parse({ model, ...change })).id);
    assert.equal(new Set([base.id, ...variants]).size, 5);
    const resampled = judgeConfigSchema.parse({ model, samples: 7, temperature: 1, passScore: 4 });
    assert.equal(judgeProvenance(resampled).id, base.id);
  });
});
