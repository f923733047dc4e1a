import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatTranscriptJsonl, parseTranscriptJsonl } from './transcript-jsonl';

describe('parseTranscriptJsonl', () => {
  it('reads one {"id","text"} object per line and skips blank lines', () => {
    assert.deepEqual(
      parseTranscriptJsonl('{"id":"u1","text":"héllo"}\n\n{"id":"u2","text":"","extra":1}\n'),
      [
        { id: 'u1', text: 'héllo' },
        { id: 'u2', text: '' },
      ],
    );
  });

  it('names the line of a malformed record', () => {
    assert.throws(() => parseTranscriptJsonl('{"id":"u1","text":"a"}\n{oops'), /line 2: not JSON/);
    assert.throws(() => parseTranscriptJsonl('[1]'), /line 1: expected an object/);
    assert.throws(
      () => parseTranscriptJsonl('{"id":7,"text":"a"}'),
      /line 1: "id" must be a non-empty string/,
    );
    assert.throws(
      () => parseTranscriptJsonl('{"id":"u1"}'),
      /line 1: "text" of "u1" must be a string/,
    );
  });

  it('reads back what formatTranscriptJsonl writes', () => {
    const transcripts = [{ id: 'u"1', text: 'line\nbreak' }];
    assert.deepEqual(parseTranscriptJsonl(formatTranscriptJsonl(transcripts)), transcripts);
  });
});
