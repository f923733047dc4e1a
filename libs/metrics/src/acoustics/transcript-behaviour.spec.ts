import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { transcriptBehaviour } from './transcript-behaviour';

describe('transcriptBehaviour', () => {
  it('counts words and words per second of detected speech', () => {
    assert.deepEqual(transcriptBehaviour(' take  a deep\tbreath ', { speechSeconds: 2 }), {
      empty: false,
      words: 4,
      wordsPerSecond: 2,
      confidence: null,
    });
  });

  it('flags an empty transcript and has no rate without detected speech', () => {
    assert.deepEqual(transcriptBehaviour('  ', { speechSeconds: 0, confidence: 0.2 }), {
      empty: true,
      words: 0,
      wordsPerSecond: null,
      confidence: 0.2,
    });
    assert.equal(transcriptBehaviour('a', { speechSeconds: null }).wordsPerSecond, null);
  });

  it('refuses a confidence outside [0, 1]', () => {
    assert.throws(
      () => transcriptBehaviour('a', { speechSeconds: 1, confidence: 1.5 }),
      /\[0, 1\]/,
    );
  });
});
