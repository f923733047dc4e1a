import { MOMENTS, type PairedUnits } from './paired-units';
import { createRng } from './rng';

// Flipped statistics within this relative distance of the observed one count as ties.
const TIE_TOLERANCE = 1e-12;

/**
 * One-sided p-values of Fisher's randomization test for a paired change: each unit's current and
 * baseline values are swapped or not (a sign flip of its change) and Σa/Σb − Σe/Σf recomputed.
 * `null` enumerates all 2^units flips (exact: p = share of flips at least as extreme); otherwise
 * random flips, p = (1 + count)/(1 + permutations) so that p is never 0 (Phipson & Smyth 2010).
 */
export function signFlipPValues(
  units: PairedUnits,
  sign: 1 | -1,
  monteCarlo: { permutations: number; seed: number } | null,
): { pWorse: number; pBetter: number } {
  const count = units.count;
  const sums = Float64Array.from({ length: count * 4 }, (_, i) => {
    const unit = Math.floor(i / 4);
    return units.moments[unit * MOMENTS + (i % 4)];
  });
  const statistic = (flipped: (unit: number) => boolean) => {
    let a = 0;
    let b = 0;
    let e = 0;
    let f = 0;
    for (let unit = 0; unit < count; unit++) {
      const o = unit * 4;
      if (flipped(unit)) {
        a += sums[o + 2];
        b += sums[o + 3];
        e += sums[o];
        f += sums[o + 1];
      } else {
        a += sums[o];
        b += sums[o + 1];
        e += sums[o + 2];
        f += sums[o + 3];
      }
    }
    return sign * (a / b - e / f);
  };
  const observed = statistic(() => false);
  const tie = TIE_TOLERANCE * Math.max(1, Math.abs(observed));
  let atLeast = 0;
  let atMost = 0;
  const tally = (value: number) => {
    if (value >= observed - tie) atLeast++;
    if (value <= observed + tie) atMost++;
  };
  if (monteCarlo === null) {
    const flips = 2 ** count;
    for (let mask = 0; mask < flips; mask++)
      tally(statistic((unit) => ((mask >>> unit) & 1) === 1));
    return { pWorse: atLeast / flips, pBetter: atMost / flips };
  }
  const rng = createRng(monteCarlo.seed);
  const flip = new Uint8Array(count);
  for (let draw = 0; draw < monteCarlo.permutations; draw++) {
    for (let unit = 0; unit < count; unit++) flip[unit] = rng() < 0.5 ? 1 : 0;
    tally(statistic((unit) => flip[unit] === 1));
  }
  const total = monteCarlo.permutations + 1;
  return { pWorse: (atLeast + 1) / total, pBetter: (atMost + 1) / total };
}
