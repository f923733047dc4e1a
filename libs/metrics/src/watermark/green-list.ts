import { createHash } from 'node:crypto';

/** murmur3's 32-bit finalizer: a bijection on uint32 with full avalanche. */
function fmix32(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A watermark key prepared for green-list look-ups (the key's sha256, folded to 32 bits). */
export interface GreenListKey {
  readonly seed: number;
  readonly gamma: number;
}

export function greenListKey(key: string, gamma: number): GreenListKey {
  if (!(gamma > 0 && gamma < 1)) throw new RangeError(`gamma must be in (0, 1), got ${gamma}`);
  if (key === '') throw new RangeError('the watermark key must not be empty');
  const digest = createHash('sha256').update(key, 'utf8').digest();
  return { seed: digest.readUInt32BE(0), gamma };
}

/**
 * Whether `token` is on the green list seeded by the previous token (Kirchenbauer et al. 2023,
 * "A Watermark for Large Language Models", §3). The paper seeds a generator with a keyed hash of
 * the previous token and takes the first γ|V| tokens of a random permutation; we hash (key,
 * previous, token) to a uniform 32-bit value and call the token green below γ·2³². Each token is
 * then green with probability γ given the previous one, which is all the z-test assumes, without
 * materialising a 200k-entry permutation per step. Not a cryptographic PRF: enough to evaluate
 * the scheme, not to keep the key secret from a determined adversary.
 */
export function isGreen(key: GreenListKey, previous: number, token: number): boolean {
  const mixed = fmix32(fmix32(key.seed ^ fmix32(previous + 0x9e3779b9)) ^ token);
  return mixed < key.gamma * 0x1_0000_0000;
}
