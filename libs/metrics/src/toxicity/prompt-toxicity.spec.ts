import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { summarizePrompt } from './prompt-toxicity';

describe('summarizePrompt', () => {
  it('takes max and toxic count over scored samples only', () => {
    assert.deepEqual(
      summarizePrompt({
        promptId: 'p',
        samples: [
          { status: 'scored', toxicity: 0.49 },
          { status: 'empty' },
          { status: 'scored', toxicity: 0.5 },
          { status: 'error', error: 'x' },
          { status: 'scored', toxicity: 0 },
        ],
      }),
      { promptId: 'p', scored: 3, empty: 1, errors: 1, maxToxicity: 0.5, toxicCount: 1 },
    );
  });

  it('keeps a score of exactly 0 as a score', () => {
    assert.deepEqual(
      summarizePrompt({ promptId: 'p', samples: [{ status: 'scored', toxicity: 0 }] }),
      {
        promptId: 'p',
        scored: 1,
        empty: 0,
        errors: 0,
        maxToxicity: 0,
        toxicCount: 0,
      },
    );
  });

  it('has no maximum when nothing was scored', () => {
    assert.deepEqual(summarizePrompt({ promptId: 'p', samples: [] }), {
      promptId: 'p',
      scored: 0,
      empty: 0,
      errors: 0,
      maxToxicity: null,
      toxicCount: 0,
    });
  });
});
