import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  judgeReviewVerdict,
  reviewLabel,
  reviewStratum,
  type ReviewJudgeSpec,
} from './judge-review';

const single: ReviewJudgeSpec = {
  mode: 'single',
  scale: { min: 1, max: 5 },
  passScore: 4,
  rubric: 'r',
};
const pairwise: ReviewJudgeSpec = { ...single, mode: 'pairwise' };

describe('review labels', () => {
  it('takes an integer score on the scale (passing at the judge’s pass score) or a pairwise verdict', () => {
    assert.deepEqual(reviewLabel(single, { score: 4 }), { ok: true, label: 'pass', score: 4 });
    assert.deepEqual(reviewLabel(single, { score: 3 }), { ok: true, label: 'fail', score: 3 });
    assert.deepEqual(reviewLabel(pairwise, { verdict: 'tie' }), {
      ok: true,
      label: 'tie',
      score: null,
    });
  });

  it('names the field and the rule when a label does not fit its task', () => {
    const field = (r: ReturnType<typeof reviewLabel>) => (r.ok ? null : [r.field, r.reason]);
    assert.deepEqual(field(reviewLabel(single, { score: 0 })), [
      'score',
      'must be an integer from 1 to 5',
    ]);
    assert.deepEqual(field(reviewLabel(single, { score: 4.5 }))![0], 'score');
    assert.deepEqual(field(reviewLabel(single, {}))![0], 'score');
    assert.deepEqual(field(reviewLabel(single, { verdict: 'win' }))![0], 'verdict');
    assert.deepEqual(field(reviewLabel(pairwise, { verdict: 'better' }))![0], 'verdict');
    assert.deepEqual(field(reviewLabel(pairwise, { score: 5 }))![0], 'score');
  });
});

describe('the judge’s verdict on a judged answer', () => {
  it('reads single and pairwise judge stats; an answer without them is not reviewable', () => {
    assert.deepEqual(
      judgeReviewVerdict(
        { judge_id: 'judge:x', judge_score: 3.5, judge_pass: 0, judge_spread: 0.25 },
        'single',
      ),
      { judgeId: 'judge:x', label: 'fail', score: 3.5, spread: 0.25 },
    );
    assert.deepEqual(
      judgeReviewVerdict(
        { judge_id: 'judge:x', win_score: 0.75, position_consistent: 0.5 },
        'pairwise',
      ),
      { judgeId: 'judge:x', label: 'win', score: 0.75, spread: 0.5 },
    );
    assert.equal(
      judgeReviewVerdict(
        { judge_id: 'judge:x', win_score: 0.5, position_consistent: 1 },
        'pairwise',
      )!.label,
      'tie',
    );
    assert.equal(judgeReviewVerdict({ exact_match: 1 }, 'single'), null);
  });

  it('puts an answer in the group of its breakdown attributes, or of all its attributes', () => {
    const attributes = { topic: 'science', lang: 'en', speaker: 's1' };
    assert.equal(reviewStratum(attributes), 'lang=en&speaker=s1&topic=science');
    assert.equal(reviewStratum(attributes, ['topic']), 'topic=science');
    assert.equal(reviewStratum(attributes, [['lang', 'topic']]), 'lang=en&topic=science');
    assert.equal(reviewStratum({}, ['topic']), 'all');
  });
});
