import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clusterOfAttributes, itemClusters } from './item-clusters';

describe('item clusters', () => {
  it('names the speaker, else the session, else a cluster attribute; none for an item alone', () => {
    assert.equal(clusterOfAttributes({ speaker: 's1', session: 'x' }), 'speaker=s1');
    assert.equal(clusterOfAttributes({ session: 'monday', accent: 'en-us' }), 'session=monday');
    assert.equal(clusterOfAttributes({ cluster: 'c9' }), 'cluster=c9');
    assert.equal(clusterOfAttributes({ accent: 'en-us', speaker: '' }), undefined);
    assert.deepEqual(
      [
        ...itemClusters([
          { itemId: 'a', attributes: { speaker: 's1' } },
          { itemId: 'b', attributes: { accent: 'en-029' } },
        ]),
      ],
      [['a', 'speaker=s1']],
    );
  });
});
