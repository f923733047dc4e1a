import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeText } from './normalize-text';

// Expected strings are the output of HELM's normalize_text (Python 3) on the same inputs.
describe('normalizeText', () => {
  it('lowercases, strips punctuation, drops articles and collapses whitespace', () => {
    assert.equal(normalizeText('The  Quick, brown fox!'), 'quick brown fox');
    assert.equal(
      normalizeText('  An apple a day\tkeeps THE doctor away. '),
      'apple day keeps doctor away',
    );
  });

  it('keeps articles when asked to', () => {
    assert.equal(
      normalizeText('  An apple a day\tkeeps THE doctor away. ', { removeArticles: false }),
      'an apple a day keeps the doctor away',
    );
  });

  it('drops only whole-word articles', () => {
    assert.equal(normalizeText('anthem theory banana'), 'anthem theory banana');
    assert.equal(normalizeText('a an the'), '');
  });

  it('removes ASCII punctuation before looking for articles, joining words around it', () => {
    assert.equal(normalizeText('x_the the_x the-x'), 'xthe thex thex');
  });

  it('keeps non-ASCII punctuation, as Python string.punctuation is ASCII only', () => {
    assert.equal(normalizeText('Théâtre—“L’Opéra” the café'), 'théâtre—“l’opéra” café');
  });

  it('treats letters and numbers, not combining marks, as word characters like Python re', () => {
    assert.equal(normalizeText('the\u0301 ²the'), '\u0301 ²the');
  });

  it('lowercases with full Unicode case mapping', () => {
    assert.equal(normalizeText('İstanbul ΟΔΟΣ'), 'i\u0307stanbul οδος');
  });

  it('splits on Python whitespace: no-break and em spaces yes, a byte-order mark no', () => {
    assert.equal(
      normalizeText("don't\u00a0stop\u2003now\ufeffplease"),
      'dont stop now\ufeffplease',
    );
  });

  it('maps empty and punctuation-only text to the empty string', () => {
    assert.equal(normalizeText(''), '');
    assert.equal(normalizeText('...!?'), '');
  });
});
