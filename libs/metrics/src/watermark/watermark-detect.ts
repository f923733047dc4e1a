import { binomialUpperTail, normalUpperTail } from '../stats/distributions';
import { isGreen, type GreenListKey } from './green-list';

export interface WatermarkDetection {
  /** Tokens scored: all but the first, whose previous token is unknown. */
  scored: number;
  green: number;
  /** (|s|_G − γT) / √(Tγ(1 − γ)); null when no token is scored. */
  z: number | null;
  /** One-sided exact binomial p: P(X ≥ green) for X ~ Binomial(T, γ). */
  pValue: number;
  /** One-sided p of the normal approximation, 1 − Φ(z). */
  pNormal: number | null;
  detected: boolean;
}

/**
 * Kirchenbauer et al.'s one-proportion z-test on a token sequence: without a watermark each
 * token is green with probability γ independently, so |s|_G ~ Binomial(T, γ); the text is
 * flagged when z exceeds the threshold (the paper uses 4: a false-positive rate of 3·10⁻⁵).
 */
export function detectWatermark(
  tokens: readonly number[],
  key: GreenListKey,
  zThreshold: number,
): WatermarkDetection {
  const scored = Math.max(0, tokens.length - 1);
  let green = 0;
  for (let i = 1; i < tokens.length; i++) if (isGreen(key, tokens[i - 1], tokens[i])) green++;
  if (scored === 0) return { scored, green, z: null, pValue: 1, pNormal: null, detected: false };
  const { gamma } = key;
  const z = (green - gamma * scored) / Math.sqrt(scored * gamma * (1 - gamma));
  return {
    scored,
    green,
    z,
    pValue: binomialUpperTail(green, scored, gamma),
    pNormal: normalUpperTail(z),
    detected: z > zThreshold,
  };
}
