import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alignNetworks } from './network-align';
import { buildWordNetwork } from './word-network';

function align(ref: string, hyp: string) {
  const { ops, ...counts } = alignNetworks(buildWordNetwork(ref), buildWordNetwork(hyp));
  return { counts, path: ops.map((s) => `${s.op}:${s.ref ?? '*'}/${s.hyp ?? '*'}`).join(' ') };
}

// Costs by hand: correct 0, substitution 4, insertion/deletion 3, "@" in or out 0.001.
describe('alignNetworks (sclite alternations)', () => {
  it('matches either alternative, however many words it has', () => {
    const ref = '{health care / healthcare} costs';
    assert.equal(align(ref, 'healthcare costs').path, 'C:healthcare/healthcare C:costs/costs');
    assert.equal(align(ref, 'health care costs').path, 'C:health/health C:care/care C:costs/costs');
    // "health" against "health care" costs 3 (one deletion), against "healthcare" 4.
    assert.equal(align(ref, 'health costs').path, 'C:health/health D:care/* C:costs/costs');
  });

  it('makes a word with a null alternative optional, without counting it', () => {
    const ref = 'take {uh / @} the pill';
    assert.deepEqual(align(ref, 'take the pill').counts, {
      hits: 3,
      substitutions: 0,
      deletions: 0,
      insertions: 0,
    });
    assert.equal(align(ref, 'take uh the pill').counts.hits, 4);
    assert.deepEqual(align('{a / @}', '').counts, {
      hits: 0,
      substitutions: 0,
      deletions: 0,
      insertions: 0,
    });
  });

  it('reads alternations in the hypothesis too', () => {
    assert.equal(align('it is ok', 'it is {ok / okay}').path, 'C:it/it C:is/is C:ok/ok');
  });

  it('breaks a tie between alternatives in favour of the first written, as sclite', () => {
    assert.equal(align('{a / b}', 'c').path, 'S:a/c');
    assert.equal(align('{b / a}', 'c').path, 'S:b/c');
  });

  it('counts every hypothesis word as inserted against an empty reference', () => {
    assert.deepEqual(align('', 'a b').counts, {
      hits: 0,
      substitutions: 0,
      deletions: 0,
      insertions: 2,
    });
  });
});
