import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { proportionMde } from '../stats/minimum-detectable-effect';
import { sampleSizeAdvice } from './sample-size-advice';

describe('sampleSizeAdvice', () => {
  const advice = sampleSizeAdvice({ items: 8200, words: 41_000 }, [
    { attribute: 'accent', group: 'en-us', items: 8136, words: 40_680 },
    { attribute: 'accent', group: 'en-029', items: 16, words: 100 },
    { attribute: 'noise', group: 'hum', items: 64 },
    { attribute: 'noise', group: 'quiet', items: 8136 },
  ]);

  it('gives the TOST planning size for ±1% at 5% and 80% power (8,136), not the bare minimum (2,571)', () => {
    const [accent] = advice.attributes;
    assert.deepEqual(
      accent.groups.map((g) => [g.group, g.itemsForTolerance, g.enoughForTolerance]),
      [
        ['en-029', 8136, false],
        ['en-us', 8136, true],
      ],
    );
    const us = accent.groups[1];
    // 8,136 per group supports ±1% (just under it); 16 items support only ±22.5%.
    assert.ok(us.parityToleranceSupported! <= 0.01 && us.parityToleranceSupported! > 0.0099);
    assert.ok(Math.abs(accent.groups[0].parityToleranceSupported! - 0.2255) < 5e-4);
  });

  it('reports the change each group can detect: rates by item, WER by words discounted for their correlation', () => {
    const small = advice.attributes[0].groups[0];
    assert.equal(small.rateChangeMde, proportionMde({ rate: 0.05, nCurrent: 16, nBaseline: 16 }));
    // 100 words in 16 utterances: m̄ = 6.25, design effect 1 + 5.25 × 0.2 = 2.05.
    const effective = 100 / 2.05;
    assert.equal(
      small.werChangeMde,
      proportionMde({ rate: 0.1, nCurrent: effective, nBaseline: effective }),
    );
    assert.equal(advice.attributes[1].groups[0].werChangeMde, null, 'no word counts, no WER');
    assert.ok(small.rateChangeMde! > advice.attributes[0].groups[1].rateChangeMde!);
  });

  it('leaves out attributes that group nothing: one value, or one value per item', () => {
    const ids = sampleSizeAdvice({ items: 3 }, [
      { attribute: 'id', group: 'a', items: 1 },
      { attribute: 'id', group: 'b', items: 1 },
      { attribute: 'id', group: 'c', items: 1 },
      { attribute: 'device', group: 'wideband', items: 3 },
      { attribute: 'accent', group: 'x', items: 2 },
      { attribute: 'accent', group: 'y', items: 1 },
    ]);
    assert.deepEqual(
      ids.attributes.map((a) => a.attribute),
      ['accent'],
    );
  });

  it('takes the plan’s tolerance and rate as assumptions, and says what it assumed', () => {
    const loose = sampleSizeAdvice({ items: 400 }, [], { tolerance: 0.05, rate: 0.1 });
    assert.equal(loose.assumptions.tolerance, 0.05);
    assert.ok(loose.overall.itemsForTolerance! < 1000);
    assert.equal(loose.overall.enoughForTolerance, loose.overall.itemsForTolerance! <= 400);
    assert.match(loose.notes.join(' '), /±0\.05/);
  });
});
