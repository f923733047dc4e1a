import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { splitBlocks } from './split-blocks';

describe('splitBlocks', () => {
  it('separates list items from prose, keeping nested lines with their item', () => {
    const text = `Intro line
continues here.

1. First item
   - Authors: A
   - Year: 2016
2) Second item
[3] Third item
- Fourth item
Closing words.`;
    assert.deepEqual(splitBlocks(text), [
      { kind: 'prose', text: 'Intro line\ncontinues here.' },
      { kind: 'list_item', text: 'First item\n- Authors: A\n- Year: 2016' },
      { kind: 'list_item', text: 'Second item' },
      { kind: 'list_item', text: 'Third item' },
      { kind: 'list_item', text: 'Fourth item' },
      { kind: 'prose', text: 'Closing words.' },
    ]);
  });

  it('ends an item at a blank line and reads Windows line ends', () => {
    assert.deepEqual(splitBlocks('- one\r\n\r\n  indented prose'), [
      { kind: 'list_item', text: 'one' },
      { kind: 'prose', text: '  indented prose' },
    ]);
  });

  it('does not take bold text at the start of a line for a bullet', () => {
    assert.deepEqual(splitBlocks('**Bold** start'), [{ kind: 'prose', text: '**Bold** start' }]);
  });

  it('gives no blocks for empty text', () => {
    assert.deepEqual(splitBlocks(''), []);
    assert.deepEqual(splitBlocks('\n\n'), []);
  });
});
