import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { perturbWords } from './perturb-words';

const text = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(' ');

describe('perturbWords', () => {
  it('is reproducible from its seed and leaves the text alone at rate 0', () => {
    assert.equal(perturbWords(text, 'swap', 0.2, 5), perturbWords(text, 'swap', 0.2, 5));
    assert.notEqual(perturbWords(text, 'swap', 0.2, 5), perturbWords(text, 'swap', 0.2, 6));
    assert.equal(perturbWords('a  b\nc', 'delete', 0, 1), 'a b c');
  });

  it('deletes and inserts about rate × words (1,000 words, rate 0.1: sd ≈ 9.5)', () => {
    const deleted = 1000 - perturbWords(text, 'delete', 0.1, 1).split(' ').length;
    const inserted = perturbWords(text, 'insert', 0.1, 1).split(' ').length - 1000;
    for (const count of [deleted, inserted]) assert.ok(count > 60 && count < 140, `${count}`);
  });

  it('swaps adjacent words and keeps every word', () => {
    const swapped = perturbWords('a b c d', 'swap', 1, 3);
    assert.equal(swapped, 'b a d c');
    const words = perturbWords(text, 'swap', 0.3, 9).split(' ');
    assert.deepEqual([...words].sort(), text.split(' ').sort());
  });
});
