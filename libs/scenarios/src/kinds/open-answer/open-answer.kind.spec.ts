import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JudgeClient } from '../../judges/judge-client';
import { DEFAULT_SINGLE_RUBRIC } from '../../judges/judge-config';
import { judgeProvenance } from '../../judges/judge-provenance';
import type { ScenarioItem, ScoredInstance } from '../../scenario-kind';
import { openAnswerKind } from './open-answer.kind';

const model = { kind: 'openai-chat', baseUrl: 'http://127.0.0.1:9/v1', model: 'judge' };
const single = openAnswerKind.configSchema.parse({ judge: { model, samples: 2, passScore: 4 } });
const pairwise = openAnswerKind.configSchema.parse({
  judge: { model, mode: 'pairwise', samples: 1 },
});

/** A judge fixture: the score is the answer's length in words, capped at 5; it prefers answer A. */
function lengthJudge(config = single): JudgeClient {
  return {
    id: judgeProvenance(config.judge).id,
    complete: async (request) => {
      const user = request.messages!.at(-1)!.content;
      if (user.includes('[Answer A]')) return '{"winner": "A", "rationale": "first"}';
      const answer = /\[Answer\]\n([\s\S]*?)\n\[End of answer\]/.exec(user)![1];
      return `{"score": ${Math.min(5, answer.split(' ').length)}, "rationale": "by length"}`;
    },
  };
}

const item = (id: string): ScenarioItem => ({
  id,
  input: `question ${id}?`,
  references: ['ref'],
  attributes: { topic: 't' },
});

describe('open_answer kind', () => {
  it('scores each answer by the runner-supplied judge and reports mean score, pass rate and sample alpha', async () => {
    const context = { seed: 2, judge: lengthJudge() };
    const answers: Record<string, string> = {
      a: 'one two three four five six',
      b: 'one two',
      c: 'one two three',
    };
    const instances: ScoredInstance[] = [];
    for (const id of Object.keys(answers)) {
      const stats = await openAnswerKind.score(item(id), answers[id], single, context);
      instances.push({ itemId: id, sample: 0, attributes: { topic: 't' }, stats });
    }
    const values = openAnswerKind.aggregate(instances, single, context);
    const get = (name: string) => values.find((v) => v.name === name && v.subgroup === 'all')!;
    // Scores 5, 2, 3: mean 10/3; one of three passes at 4.
    assert.equal(get('judge_score').value, 10 / 3);
    assert.equal(get('judge_pass_rate').value, 1 / 3);
    assert.equal(get('judge_spread').value, 0);
    // Both samples always agree: α = 1.
    assert.deepEqual([get('judge_sample_alpha').value, get('judge_sample_alpha').n], [1, 3]);
  });

  it('compares with the reference in both orders; a judge that always picks A is only ties', async () => {
    const stats = await openAnswerKind.score(item('a'), 'answer', pairwise, {
      seed: 1,
      judge: lengthJudge(pairwise),
    });
    assert.deepEqual([stats.win_score, stats.position_consistent], [0.5, 0]);
    assert.deepEqual(
      openAnswerKind.metrics(pairwise).map((m) => m.name),
      ['win_rate', 'position_consistency', 'first_position_win_share', 'judge_malformed_rate'],
    );
  });

  it('declares its judge as scoring provenance: another rubric, pass mark or sampling is another key', () => {
    const scoring = openAnswerKind.scoringProvenance!(single) as {
      judge: { id: string; rubric: string; passScore: number; samples: number };
    };
    assert.equal(scoring.judge.id, judgeProvenance(single.judge).id);
    assert.deepEqual(
      [scoring.judge.rubric, scoring.judge.passScore, scoring.judge.samples],
      [DEFAULT_SINGLE_RUBRIC, 4, 2],
    );
    const variants = [
      { rubric: 'Only correctness counts.' },
      { passScore: 3 },
      { samples: 3 },
      { version: '2' },
    ].map((change) =>
      JSON.stringify(
        openAnswerKind.scoringProvenance!(
          openAnswerKind.configSchema.parse({
            judge: { model, samples: 2, passScore: 4, ...change },
          }),
        ),
      ),
    );
    assert.equal(new Set([JSON.stringify(scoring), ...variants]).size, 5);
  });

  it('refuses to score without the judge its config names', async () => {
    await assert.rejects(
      openAnswerKind.score(item('a'), 'x', single, { seed: 1 }),
      /runner supplied none/,
    );
    assert.throws(() => openAnswerKind.configSchema.parse({}), /judge/);
  });
});
