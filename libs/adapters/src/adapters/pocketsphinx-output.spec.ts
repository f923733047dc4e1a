import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPocketsphinxTimes } from './pocketsphinx-output';

/**
 * What Debian 12's pocketsphinx_continuous -time yes printed for pocketsphinx-testdata's
 * LibriVox clip sense_and_sensibility_01_austen_64kb-0880.wav (reference: "he was not an ill
 * disposed young man").
 */
const CLIP_0880 = `he was not an illness those young man
<s> 0.000 0.060 0.999500
<sil> 0.070 0.200 0.694306
he 0.210 0.320 0.998701
was(2) 0.330 0.540 0.999800
not 0.550 0.970 0.998701
[SPEECH] 0.980 1.100 0.535598
an(2) 1.110 1.290 0.472940
illness 1.300 1.680 0.834168
those 1.690 2.040 0.055875
young 2.050 2.320 0.050806
man 2.330 2.790 0.905008
</s> 2.800 2.970 1.000000
`;

describe('pocketsphinx_continuous -time yes output', () => {
  it('reads the hypothesis and the mean posterior of its words, without <s>, </s>, <sil> or fillers', () => {
    // (0.998701 + 0.999800 + 0.998701 + 0.472940 + 0.834168 + 0.055875 + 0.050806 + 0.905008) / 8
    // = 5.315999 / 8 = 0.664499875, kept to 6 decimals
    assert.deepEqual(readPocketsphinxTimes(CLIP_0880), {
      text: 'he was not an illness those young man',
      confidence: 0.6645,
    });
  });

  it('joins the utterances the program segmented, and averages over all their words', () => {
    const stdout = [
      'take a deep breath',
      '<s> 0.000 0.100 1.000000',
      'take 0.110 0.400 0.900000',
      'a 0.410 0.500 0.500000',
      'deep 0.510 0.800 0.700000',
      'breath 0.810 1.200 0.300000',
      '</s> 1.210 1.300 1.000000',
      'hold it',
      '<s> 2.000 2.100 1.000000',
      '++GARBAGE++ 2.110 2.300 0.010000',
      'hold 2.310 2.600 0.800000',
      '[NOISE] 2.610 2.700 0.020000',
      'it 2.710 2.900 0.400000',
      '',
    ].join('\n');
    // (0.9 + 0.5 + 0.7 + 0.3 + 0.8 + 0.4) / 6 = 3.6 / 6
    assert.deepEqual(readPocketsphinxTimes(stdout), {
      text: 'take a deep breath hold it',
      confidence: 0.6,
    });
  });

  it('gives no confidence without word lines: plain output, silence, or fillers only', () => {
    assert.deepEqual(readPocketsphinxTimes('hello world\n'), {
      text: 'hello world',
      confidence: null,
    });
    assert.deepEqual(readPocketsphinxTimes(''), { text: '', confidence: null });
    assert.deepEqual(
      readPocketsphinxTimes('\n<s> 0.000 0.100 1.000000\n<sil> 0.110 0.500 0.900000\n'),
      { text: '', confidence: null },
    );
  });
});
