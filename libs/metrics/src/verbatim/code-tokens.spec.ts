import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeTokens } from './code-tokens';
import { continuationOverlap } from './continuation-overlap';

describe('codeTokens', () => {
  it('renames Python identifiers by first appearance and keeps builtins, keywords and attributes', () => {
    const source = 'def add(a, b):\n    total = a + b  # sum\n    return len(total.items)\n';
    assert.deepEqual(codeTokens(source, 'python'), [
      ...['def', 'id1', '(', 'id2', ',', 'id3', ')', ':'],
      ...['id4', '=', 'id2', '+', 'id3'],
      ...['return', 'len', '(', 'id4', '.', 'items', ')'],
    ]);
  });

  it('gives a Python copy with consistently renamed variables the same sequence', () => {
    const original = 'def mean(values):\n    total = sum(values)\n    return total / len(values)\n';
    const renamed = 'def average(xs):\n    acc = sum(xs)\n    return acc / len(xs)\n';
    assert.deepEqual(codeTokens(renamed, 'python'), codeTokens(original, 'python'));
    assert.notDeepEqual(
      codeTokens(renamed, 'python', { renameIdentifiers: false }),
      codeTokens(original, 'python', { renameIdentifiers: false }),
    );
  });

  it('renames TypeScript variables and types, keeps property names and the text of template strings', () => {
    const source = 'function f(x: Point): string { return `at ${x.left}`; } // note';
    assert.deepEqual(codeTokens(source, 'typescript'), [
      ...['function', 'id1', '(', 'id2', ':', 'id3', ')', ':', 'string', '{'],
      ...['return', '`at', '${', 'id2', '.', 'left', '}', '`', ';', '}'],
    ]);
  });

  it('catches a renamed JavaScript copy that the plain word metrics miss', () => {
    const continuation =
      'let total = 0; for (const item of items) { total += item.price * item.qty; } return total;';
    const renamed = 'let sum = 0; for (const it of list) { sum += it.price * it.qty; } return sum;';
    const plain = continuationOverlap(renamed, continuation);
    const normalized = continuationOverlap(renamed, continuation, {
      tokenize: (text) => codeTokens(text, 'javascript'),
      truncate: 'tokens',
    });
    // Plain words share only their longest run of keywords and punctuation, "= 0 ; for ( const".
    assert.equal(plain.longestCommonSubstring, 6);
    assert.deepEqual([normalized.editSimilarity, normalized.longestCommonPrefix], [1, 27]);
  });
});
