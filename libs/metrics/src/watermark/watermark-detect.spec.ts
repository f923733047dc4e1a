import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../stats/rng';
import { bpeEncoding } from './bpe-encoding';
import { greenListKey, isGreen } from './green-list';
import { detectWatermark } from './watermark-detect';

const key = greenListKey('spec-key', 0.5);

/** A sequence of `length` tokens whose i-th transition is green when pattern[i] is true. */
function sequenceWith(pattern: readonly boolean[]): number[] {
  const tokens = [7];
  for (const wantGreen of pattern) {
    let candidate = 0;
    while (isGreen(key, tokens.at(-1)!, candidate) !== wantGreen) candidate++;
    tokens.push(candidate);
  }
  return tokens;
}

const close = (actual: number | null, expected: number, tolerance = 1e-9) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < tolerance, `${actual} ≠ ${expected}`);

describe('detectWatermark', () => {
  it('gives 10 tokens all green at γ = ½ the chance probability ½¹⁰ ≈ 0.001 and z = 5/√2.5', () => {
    const result = detectWatermark(sequenceWith(Array(10).fill(true)), key, 4);
    assert.deepEqual([result.scored, result.green], [10, 10]);
    close(result.pValue, 1 / 1024); // 0.0009765625
    close(result.z, 5 / Math.sqrt(2.5)); // 3.1623 < 4: not flagged at the paper's threshold
    assert.equal(result.detected, false);
    assert.equal(detectWatermark(sequenceWith(Array(10).fill(true)), key, 3).detected, true);
  });

  it('gives 7 green of 10 the binomial tail (120 + 45 + 10 + 1)/1024 and z = 2/√2.5', () => {
    const pattern = [true, false, true, true, false, true, true, false, true, true];
    const result = detectWatermark(sequenceWith(pattern), key, 4);
    assert.equal(result.green, 7);
    close(result.pValue, 176 / 1024);
    close(result.z, 2 / Math.sqrt(2.5));
  });

  it('scores nothing in a text of one token', () => {
    const result = detectWatermark([42], key, 4);
    assert.deepEqual(
      [result.scored, result.z, result.pValue, result.detected],
      [0, null, 1, false],
    );
  });

  it('keeps z near N(0, 1) and never flags on 2,000 unwatermarked sequences of 200 tokens (seeded)', () => {
    const rng = createRng(2023);
    const quarter = greenListKey('another-key', 0.25);
    const zs: number[] = [];
    let flagged = 0;
    for (let s = 0; s < 2000; s++) {
      const tokens = Array.from({ length: 201 }, () => Math.floor(rng() * 200_000));
      const result = detectWatermark(tokens, quarter, 4);
      zs.push(result.z!);
      if (result.detected) flagged++;
    }
    const mean = zs.reduce((a, b) => a + b, 0) / zs.length;
    const sd = Math.sqrt(zs.reduce((a, z) => a + (z - mean) ** 2, 0) / (zs.length - 1));
    // Standard error of the mean is 1/√2000 ≈ 0.022.
    assert.ok(Math.abs(mean) < 0.1, `mean z ${mean}`);
    assert.ok(sd > 0.93 && sd < 1.07, `sd ${sd}`);
    assert.equal(flagged, 0);
  });

  it('makes green lists depend on the key and on the previous token', () => {
    const other = greenListKey('spec-key-2', 0.5);
    const tokens = Array.from({ length: 400 }, (_, i) => i);
    const agree = tokens.filter((t) => isGreen(key, 1, t) === isGreen(other, 1, t)).length;
    const agreePrev = tokens.filter((t) => isGreen(key, 1, t) === isGreen(key, 2, t)).length;
    // Independent lists agree on about half the tokens (sd 10 of 400).
    for (const count of [agree, agreePrev]) assert.ok(count > 150 && count < 250, `${count}`);
    assert.throws(() => greenListKey('k', 1), RangeError);
  });
});

describe('bpeEncoding', () => {
  it('encodes special-token strings in a text as plain text instead of throwing', () => {
    const encoding = bpeEncoding('o200k_base');
    const ids = encoding.encode('hi <|endoftext|> x');
    assert.equal(encoding.decode(ids), 'hi <|endoftext|> x');
    assert.ok(ids.length > 3);
  });
});
