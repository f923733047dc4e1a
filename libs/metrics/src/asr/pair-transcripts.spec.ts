import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TranscriptMismatchError, pairTranscripts } from './pair-transcripts';

const t = (id: string, text = id) => ({ id, text });

describe('pairTranscripts', () => {
  it('pairs by utterance id in reference order, whatever the hypothesis order', () => {
    assert.deepEqual(pairTranscripts([t('a', 'ra'), t('b', 'rb')], [t('b', 'hb'), t('a', 'ha')]), [
      { id: 'a', reference: 'ra', hypothesis: 'ha' },
      { id: 'b', reference: 'rb', hypothesis: 'hb' },
    ]);
  });

  it('names missing and extra ids in one error', () => {
    assert.throws(
      () => pairTranscripts([t('a'), t('b'), t('c')], [t('a'), t('z')]),
      (error: unknown) => {
        assert.ok(error instanceof TranscriptMismatchError);
        assert.deepEqual(error.missingInHypothesis, ['b', 'c']);
        assert.deepEqual(error.extraInHypothesis, ['z']);
        assert.equal(
          error.message,
          '2 utterance id(s) missing from the hypothesis: b, c; 1 utterance id(s) in the hypothesis but not the reference: z',
        );
        return true;
      },
    );
  });

  it('rejects an id that appears twice in a file', () => {
    assert.throws(
      () => pairTranscripts([t('a'), t('a')], [t('a')]),
      /1 utterance id\(s\) duplicated in the reference: a/,
    );
    assert.throws(
      () => pairTranscripts([t('a')], [t('a'), t('a')]),
      /duplicated in the hypothesis: a/,
    );
  });

  it('lists at most 20 ids and says how many more there are', () => {
    const references = Array.from({ length: 25 }, (_, i) => t(`u${i}`));
    assert.throws(() => pairTranscripts(references, []), /u19 and 5 more$/);
  });
});
