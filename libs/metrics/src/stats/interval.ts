/** A two-sided interval for an estimate. */
export interface Interval {
  low: number;
  high: number;
}

/** Options shared by the bootstrap interval functions. */
export interface BootstrapOptions {
  seed: number;
  /** Number of bootstrap resamples (default 2000). */
  resamples?: number;
  /** Two-sided confidence level in (0, 1) (default 0.95). */
  confidence?: number;
}

export const DEFAULT_CONFIDENCE = 0.95;
export const DEFAULT_RESAMPLES = 2000;

export function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  }
}
