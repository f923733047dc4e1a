import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { insertBatches } from './slices.store';

type Item = { id: string; audio?: { data: Buffer } };
const text = (id: string): Item => ({ id });
const audio = (id: string, bytes: number): Item => ({ id, audio: { data: Buffer.alloc(bytes) } });
const shape = (batches: { item: Item; ordinal: number }[][]) =>
  batches.map((batch) => batch.map(({ item, ordinal }) => `${item.id}@${ordinal}`));

describe('slice item insert batches', () => {
  it('cuts by item count and numbers the items in upload order across batches', () => {
    const items = ['a', 'b', 'c', 'd', 'e'].map(text);
    assert.deepEqual(shape([...insertBatches(items, 2, 100)]), [
      ['a@0', 'b@1'],
      ['c@2', 'd@3'],
      ['e@4'],
    ]);
  });

  it('cuts before the audio bytes would pass the limit, and keeps a larger item alone', () => {
    const items = [audio('a', 40), audio('b', 50), audio('c', 20), audio('d', 150), text('e')];
    // 40 + 50 ≤ 100; + 20 would pass it; d alone is over the limit yet still goes, on its own.
    assert.deepEqual(shape([...insertBatches(items, 10, 100)]), [
      ['a@0', 'b@1'],
      ['c@2'],
      ['d@3'],
      ['e@4'],
    ]);
  });

  it('gives nothing for no items', () => {
    assert.deepEqual([...insertBatches<Item>([], 2, 100)], []);
  });
});
