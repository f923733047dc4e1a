import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

// xoroshiro128+ copies the seed almost verbatim into its state, so its first outputs echo the
// seed and nearby seeds start alike: scramble the seed (murmur3 finalizer) and discard a few.
function scrambleSeed(seed: number): number {
  let h = seed | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
const WARM_UP_OUTPUTS = 16;

/** Seeded uniform generator on [0, 1): the same seed always gives the same sequence. */
export function createRng(seed: number): () => number {
  // pure-rand 8 generators mutate in place, so one instance serves the whole stream.
  const generator = xoroshiro128plus(scrambleSeed(seed));
  for (let i = 0; i < WARM_UP_OUTPUTS; i++) generator.next();
  return () => uniformFloat64(generator);
}

/** Standard normal draw by the Box–Muller transform (jstat's samplers use unseeded Math.random). */
export function standardNormal(rng: () => number): number {
  // 1 − u lies in (0, 1], so the logarithm is finite.
  const radius = Math.sqrt(-2 * Math.log(1 - rng()));
  return radius * Math.cos(2 * Math.PI * rng());
}
