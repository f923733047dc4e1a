import { binomialCdf } from './distributions';

/**
 * Exact McNemar test on the discordant pairs of a paired correct/incorrect comparison:
 * `worsened` items were right in the baseline and wrong now, `improved` the reverse.
 * Under "no change" each discordant pair is a fair coin, so the tail is Binomial(b + c, ½).
 */
export function mcnemarExact(
  worsened: number,
  improved: number,
): { worse: number; better: number; twoSided: number } {
  const discordant = worsened + improved;
  // P(X ≥ worsened) = P(X ≤ improved) by the symmetry of Binomial(n, ½).
  const worse = binomialCdf(improved, discordant, 0.5);
  const better = binomialCdf(worsened, discordant, 0.5);
  const twoSided = Math.min(1, 2 * binomialCdf(Math.min(worsened, improved), discordant, 0.5));
  return { worse, better, twoSided };
}
