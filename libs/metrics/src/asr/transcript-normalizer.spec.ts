import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeTranscript, normalizerId, splitWords } from './transcript-normalizer';

describe('normalizeTranscript', () => {
  it('lowercases, deletes punctuation and collapses whitespace by default', () => {
    assert.equal(
      normalizeTranscript('  Don\'t STOP,\tthe  well-known "Band"!  '),
      'dont stop the wellknown band',
    );
  });

  it('composes unicode (NFC) so composed and decomposed letters are equal', () => {
    assert.equal(normalizeTranscript('Cafe\u0301'), 'café');
    assert.equal(normalizeTranscript('ﬁne', { unicodeForm: 'NFKC' }), 'fine');
    assert.equal(normalizeTranscript('ﬁne'), 'ﬁne');
  });

  it('applies only the steps that are switched on', () => {
    const none = {
      unicodeForm: 'none',
      lowercase: false,
      stripPunctuation: false,
      whitespace: 'keep',
    } as const;
    assert.equal(normalizeTranscript(' A,  b ', none), ' A,  b ');
    assert.equal(normalizeTranscript(' A,  b ', { ...none, lowercase: true }), ' a,  b ');
  });

  it('keeps defaults for options passed as undefined', () => {
    assert.equal(normalizeTranscript('A', { lowercase: undefined }), 'a');
  });
});

describe('normalizerId', () => {
  it('names the version and every step applied', () => {
    assert.equal(normalizerId(), 'lastmile-norm-v1:nfc,lower,strip-punct,collapse-ws');
    assert.equal(
      normalizerId({ unicodeForm: 'NFKC', stripPunctuation: false }),
      'lastmile-norm-v1:nfkc,lower,collapse-ws',
    );
    assert.equal(
      normalizerId({
        unicodeForm: 'none',
        lowercase: false,
        stripPunctuation: false,
        whitespace: 'keep',
      }),
      'lastmile-norm-v1:none',
    );
  });
});

describe('splitWords', () => {
  it('splits on any whitespace and drops empty words', () => {
    assert.deepEqual(splitWords(' a \u00a0b\n'), ['a', 'b']);
    assert.deepEqual(splitWords(''), []);
  });
});
