import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatTrn, parseTrn } from './trn';

describe('parseTrn', () => {
  it('reads the text and the id in the last parentheses of each line', () => {
    assert.deepEqual(
      parseTrn('the cat (sat) down (spk1-utt1)\r\n\n(spk1-utt2)\n  hello   (spk2_utt3)  \n'),
      [
        { id: 'spk1-utt1', text: 'the cat (sat) down' },
        { id: 'spk1-utt2', text: '' },
        { id: 'spk2_utt3', text: 'hello' },
      ],
    );
  });

  it('names the line that has no utterance id', () => {
    assert.throws(
      () => parseTrn('ok (a)\nno id here\n'),
      /line 2: expected "words \(utterance_id\)"/,
    );
    assert.throws(() => parseTrn('words ()'), /line 1: empty utterance id/);
  });
});

describe('formatTrn', () => {
  it('writes lines that parseTrn reads back', () => {
    const transcripts = [
      { id: 'spk1-a', text: 'héllo wörld' },
      { id: 'spk1-b', text: '' },
    ];
    assert.equal(formatTrn(transcripts), 'héllo wörld (spk1-a)\n(spk1-b)\n');
    assert.deepEqual(parseTrn(formatTrn(transcripts)), transcripts);
  });

  it('refuses ids and texts that the format cannot hold', () => {
    assert.throws(() => formatTrn([{ id: 'a b', text: 'x' }]), /cannot be written/);
    assert.throws(() => formatTrn([{ id: 'a', text: 'x\ny' }]), /line break/);
  });
});
