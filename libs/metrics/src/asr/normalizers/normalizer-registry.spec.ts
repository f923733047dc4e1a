import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wordErrorRate } from '../wer';
import { spellingMapping } from './english-spelling';
import { NORMALIZER_NAMES, configuredNormalizer, normalizerByName } from './normalizer-registry';

describe('normalizerByName', () => {
  it('names and versions every normalizer, so results and baselines can carry the id', () => {
    assert.deepEqual(
      NORMALIZER_NAMES.map((name) => normalizerByName(name).id),
      ['none@1', 'basic@1', 'english-v1@1'],
    );
    const english = normalizerByName('english-v1');
    assert.deepEqual([english.name, english.version], ['english-v1', '1']);
    assert.match(english.source, /openai\/whisper@c0d2f624.*english\.py/);
  });

  it('refuses an unknown name, including Object.prototype keys', () => {
    assert.throws(() => normalizerByName('english' as never), /unknown normalizer "english"/);
    assert.throws(() => normalizerByName('toString' as never), /unknown normalizer/);
  });

  it("returns Whisper's output trimmed; 'none' returns the text as it is", () => {
    assert.equal(normalizerByName('english-v1').normalize('Okay, one hundred.'), 'okay 100');
    assert.equal(normalizerByName('basic').normalize(' Okay, (um) 100. '), 'okay 100');
    assert.equal(normalizerByName('none').normalize(' Okay, 100. '), ' Okay, 100. ');
  });

  it('wraps the configurable lastmile-norm-v1 normalizer under its existing id', () => {
    const configured = configuredNormalizer({ stripPunctuation: false });
    assert.equal(configured.id, 'lastmile-norm-v1:nfc,lower,collapse-ws');
    assert.deepEqual(
      [configured.name, configured.version],
      ['lastmile-norm-v1', 'nfc,lower,collapse-ws'],
    );
    assert.equal(configured.normalize(' A,  b '), 'a, b');
  });

  it('vendors the whole 1,739-entry British-to-American mapping', () => {
    assert.equal(spellingMapping().size, 1739);
  });
});

describe('WER with a named normalizer', () => {
  const pair = {
    id: 'u1',
    reference: 'Blood pressure is one hundred and forty over ninety.',
    hypothesis: 'blood pressure is 140/90',
  };

  it('scores formatting as errors without it and only the missing "over" with english-v1', () => {
    const plain = wordErrorRate([pair]);
    // lastmile-norm-v1 deletes the slash: "14090" is one word against six spoken ones: S1 D5.
    assert.deepEqual(
      [plain.substitutions, plain.deletions, plain.insertions, plain.refWords],
      [1, 5, 0, 9],
    );
    const english = wordErrorRate([pair], { normalizer: normalizerByName('english-v1') });
    // "blood pressure is 140 over 90" against "blood pressure is 140 90": one deletion.
    assert.deepEqual(
      [english.hits, english.substitutions, english.deletions, english.insertions],
      [5, 0, 1, 0],
    );
    assert.equal(english.normalizer, 'english-v1@1');
  });

  it('keeps the default normalizer and its id when none is named', () => {
    assert.equal(
      wordErrorRate([pair]).normalizer,
      'lastmile-norm-v1:nfc,lower,strip-punct,collapse-ws',
    );
  });
});
