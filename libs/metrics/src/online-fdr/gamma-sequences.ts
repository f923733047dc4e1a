/**
 * γ: how LORD++ spreads a unit of testing wealth over the tests that follow it. Any non-negative,
 * non-increasing sequence with Σγ_j ≤ 1 keeps the guarantee; j counts from 1.
 */
export type GammaSequence = (j: number) => number;

/**
 * γ_j = 1/budget for j ≤ budget, then 0: every one of `budget` tests gets the same share, so a
 * submission made late in a program is tested as strictly as the first (a bounty's fairness to
 * its researchers), and a program with no discovery has spent its wealth after `budget` tests.
 */
export function uniformGamma(budget: number): GammaSequence {
  if (!(Number.isInteger(budget) && budget >= 1))
    throw new RangeError(`budget must be a positive integer, got ${budget}`);
  return (j) => (j >= 1 && j <= budget ? 1 / budget : 0);
}

/**
 * Javanmard & Montanari's (2018) default, used in the simulations of Ramdas et al. (2017) and by
 * the R package onlineFDR: γ_j = C·log(max(j, 2)) / (j·e^{√log j}) with the published
 * C = 0.07720838. Measured here, that C makes Σγ_j ≈ 0.976 (C = 0.079082 would make it 1): valid,
 * slightly conservative. It front-loads the wealth: good for a stream of unknown length, hard on
 * late tests (γ_200 ≈ 2.0·10⁻⁴).
 */
export const JAVANMARD_MONTANARI_C = 0.07720838;

export const javanmardMontanariGamma: GammaSequence = (j) =>
  j < 1
    ? 0
    : (JAVANMARD_MONTANARI_C * Math.log(Math.max(j, 2))) / (j * Math.exp(Math.sqrt(Math.log(j))));
