import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { distance } from 'fuzzball';
import { alignTokens } from './align';
import type { CostModel } from './edit-costs';
import { EditCounter } from './edit-counter';

// Small alphabets make repeated tokens and alignment ties common.
const words = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'é', '東'), { maxLength: 14 });
const costModel = fc.constantFrom<CostModel>('sclite', 'unit');
const errors = (a: { substitutions: number; deletions: number; insertions: number }) =>
  a.substitutions + a.deletions + a.insertions;

function counts(ref: string[], hyp: string[], costs: CostModel, packed?: boolean) {
  const ids = new Map<string, number>();
  const encode = (tokens: string[]) =>
    Int32Array.from(tokens, (t) => ids.get(t) ?? ids.set(t, ids.size).get(t)!);
  const { hits, substitutions, deletions, insertions } = new EditCounter(costs, { packed }).count(
    encode(ref),
    ref.length,
    encode(hyp),
    hyp.length,
  );
  return { hits, substitutions, deletions, insertions };
}

describe('alignment properties', () => {
  it('scores identical texts as zero errors', () => {
    fc.assert(
      fc.property(words, costModel, (ref, costs) => errors(alignTokens(ref, ref, { costs })) === 0),
    );
  });

  it('uses every reference word once (H + S + D) and every hypothesis word once (H + S + I)', () => {
    fc.assert(
      fc.property(words, words, costModel, (ref, hyp, costs) => {
        const a = alignTokens(ref, hyp, { costs });
        assert.equal(a.hits + a.substitutions + a.deletions, ref.length);
        assert.equal(a.hits + a.substitutions + a.insertions, hyp.length);
        assert.deepEqual(
          a.ops.filter((s) => s.op !== 'I').map((s) => s.ref),
          ref,
        );
        assert.deepEqual(
          a.ops.filter((s) => s.op !== 'D').map((s) => s.hyp),
          hyp,
        );
      }),
    );
  });

  it('counts with the row-only EditCounter (packed and wide) exactly what the back-traced path counts', () => {
    fc.assert(
      fc.property(words, words, costModel, (ref, hyp, costs) => {
        const { hits, substitutions, deletions, insertions } = alignTokens(ref, hyp, { costs });
        assert.deepEqual(counts(ref, hyp, costs), { hits, substitutions, deletions, insertions });
        assert.deepEqual(counts(ref, hyp, costs, false), {
          hits,
          substitutions,
          deletions,
          insertions,
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('makes as many edits under unit costs as the Levenshtein distance (fuzzball), never more than sclite', () => {
    const letters = fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 14 });
    fc.assert(
      fc.property(letters, letters, (ref, hyp) => {
        const unit = errors(alignTokens(ref, hyp, { costs: 'unit' }));
        assert.equal(unit, distance(ref.join(''), hyp.join(''), { full_process: false }));
        assert.ok(unit <= errors(alignTokens(ref, hyp, { costs: 'sclite' })));
      }),
    );
  });
});
