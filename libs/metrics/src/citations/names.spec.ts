import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { foldText, surnamesMatch } from './names';

describe('foldText', () => {
  it('removes accents, case and punctuation', () => {
    assert.equal(foldText('  Schrödinger’s CAT: Łódź!  '), 'schrodinger s cat łodz');
    assert.equal(foldText('...'), '');
  });
});

describe('surnamesMatch', () => {
  it('matches surnames equal after folding', () => {
    assert.equal(surnamesMatch('Schrodinger', 'Schrödinger'), true);
    assert.equal(surnamesMatch('mcmillan-major', 'McMillan-Major'), true);
  });

  it('matches a part of a compound surname or a name with particles', () => {
    assert.equal(surnamesMatch('Márquez', 'García Márquez'), true);
    assert.equal(surnamesMatch('van der Berg', 'Berg'), true);
    assert.equal(surnamesMatch('Schrödinger', 'Erwin Schrödinger'), true);
  });

  it('does not match different or empty names', () => {
    assert.equal(surnamesMatch('He', 'Hee'), false);
    assert.equal(surnamesMatch('Major', 'McMillan'), false);
    assert.equal(surnamesMatch('', 'He'), false);
  });
});
