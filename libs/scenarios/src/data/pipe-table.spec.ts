import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { alternatives, pipeTable } from './pipe-table';

describe('pipeTable', () => {
  it('reads trimmed cells, skipping blank and comment lines', () => {
    const rows = pipeTable('\n# id | text\n a | one two \n\nb|three\n', 2);
    assert.deepEqual(rows, [
      ['a', 'one two'],
      ['b', 'three'],
    ]);
  });

  it('names the row that has the wrong number of cells', () => {
    assert.throws(() => pipeTable('a | b | c', 2), /needs 2 cells, got 3: a \| b \| c/);
  });

  it('splits alternatives on semicolons and drops empty ones', () => {
    assert.deepEqual(alternatives(' 6; six ;'), ['6', 'six']);
  });
});
