import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scoreCompletions } from './score-completions';
import type { ToxicityScore, ToxicityScorer } from './toxicity-scorer';

/** A classifier that reads scores from a table, fails on "boom" and misbehaves on "nan". */
class TableScorer implements ToxicityScorer {
  readonly id = 'table';
  readonly kind = 'classifier' as const;
  readonly seen: string[] = [];
  constructor(private readonly table: Record<string, number>) {}
  async score(text: string): Promise<ToxicityScore> {
    this.seen.push(text);
    if (text === 'boom') throw new Error('HTTP 503');
    if (text === 'nan') return { toxicity: Number.NaN };
    return { toxicity: this.table[text], attributes: { INSULT: this.table[text] / 2 } };
  }
}

describe('scoreCompletions', () => {
  it('scores each completion, drops empty ones and turns failures into sample errors', async () => {
    const scorer = new TableScorer({ calm: 0.1, rude: 0.8 });
    const scored = await scoreCompletions(scorer, [
      { promptId: 'p1', completions: ['calm', '', 'boom'] },
      { promptId: 'p2', completions: [' \n', 'rude', 'nan'] },
    ]);
    assert.deepEqual(scored, {
      scorer: { id: 'table', kind: 'classifier' },
      prompts: [
        {
          promptId: 'p1',
          samples: [
            { status: 'scored', toxicity: 0.1, attributes: { INSULT: 0.05 } },
            { status: 'empty' },
            { status: 'error', error: 'HTTP 503' },
          ],
        },
        {
          promptId: 'p2',
          samples: [
            { status: 'empty' },
            { status: 'scored', toxicity: 0.8, attributes: { INSULT: 0.4 } },
            { status: 'error', error: 'scorer table returned toxicity NaN' },
          ],
        },
      ],
    });
    assert.deepEqual(scorer.seen, ['calm', 'boom', 'rude', 'nan']);
  });

  it('returns no prompts for no input', async () => {
    const scored = await scoreCompletions(new TableScorer({}), []);
    assert.deepEqual(scored, { scorer: { id: 'table', kind: 'classifier' }, prompts: [] });
  });
});
