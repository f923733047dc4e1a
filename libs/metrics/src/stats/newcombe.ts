import { checkConfidence, DEFAULT_CONFIDENCE, type Interval } from './interval';
import { wilsonInterval } from './wilson';

/**
 * Newcombe's (1998, method 10) hybrid score interval for p1 − p2 of two independent
 * proportions, built from the two Wilson intervals.
 */
export function newcombeInterval(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  confidence: number = DEFAULT_CONFIDENCE,
): Interval {
  checkConfidence(confidence);
  if (n1 === 0 || n2 === 0) return { low: -1, high: 1 };
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const w1 = wilsonInterval(x1, n1, confidence);
  const w2 = wilsonInterval(x2, n2, confidence);
  const d = p1 - p2;
  return {
    low: d - Math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2),
    high: d + Math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2),
  };
}
