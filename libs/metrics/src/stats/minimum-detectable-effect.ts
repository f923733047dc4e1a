import { normalCdf, normalQuantile, studentTQuantile } from './distributions';

/** Test settings a minimum detectable effect (MDE) is computed for. */
export interface PowerOptions {
  /** Significance level (default 0.05). */
  alpha?: number;
  /** Power wanted against the MDE (default 0.8). */
  power?: number;
  /** 1 (default): a one-sided test in the bad direction, as drift tests are read; 2: two-sided. */
  sides?: 1 | 2;
}

function settings(options: PowerOptions) {
  const alpha = options.alpha ?? 0.05;
  const power = options.power ?? 0.8;
  const sides = options.sides ?? 1;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (!(power > 0 && power < 1)) throw new RangeError(`power must be in (0, 1), got ${power}`);
  return { alpha, power, sides, level: 1 - alpha / sides };
}

/**
 * MDE of an estimate with standard error `se`: (z₁₋α + z_power)·se, or with Student t quantiles
 * (t₁₋α,df + t_power,df)·se when `df` is given — within 1% of the exact noncentral-t answer from
 * 8 items up (statsmodels tt_solve_power; see the spec).
 */
export function mdeFromStandardError(
  se: number,
  options: PowerOptions & { df?: number } = {},
): number {
  const { power, level } = settings(options);
  if (!(se >= 0)) throw new RangeError(`se must be ≥ 0, got ${se}`);
  const { df } = options;
  if (df !== undefined && !(df >= 1)) return Number.POSITIVE_INFINITY;
  const quantile = (q: number) => (df === undefined ? normalQuantile(q) : studentTQuantile(q, df));
  return (quantile(level) + quantile(power)) * se;
}

/** MDE of a paired mean change over n items whose per-item changes have standard deviation sd. */
export function pairedMeanMde(sd: number, n: number, options: PowerOptions = {}): number {
  if (n < 2) return Number.POSITIVE_INFINITY;
  return mdeFromStandardError(sd / Math.sqrt(n), { ...options, df: n - 1 });
}

/**
 * MDE of a difference of means of two independent samples (Welch: se² = sd₁²/n₁ + sd₂²/n₂, with
 * the Welch–Satterthwaite degrees of freedom).
 */
export function unpairedMeanMde(
  first: { sd: number; n: number },
  second: { sd: number; n: number },
  options: PowerOptions = {},
): number {
  if (first.n < 2 || second.n < 2) return Number.POSITIVE_INFINITY;
  const v1 = first.sd ** 2 / first.n;
  const v2 = second.sd ** 2 / second.n;
  const se = Math.sqrt(v1 + v2);
  if (se === 0) return 0;
  const df = (v1 + v2) ** 2 / (v1 ** 2 / (first.n - 1) + v2 ** 2 / (second.n - 1));
  return mdeFromStandardError(se, { ...options, df });
}

/** Smallest δ in (0, cap] with power(δ) ≥ target by bisection (power increasing in δ); ∞ if none. */
function solveIncreasing(powerAt: (delta: number) => number, target: number, cap: number): number {
  if (!(powerAt(cap) >= target)) return Number.POSITIVE_INFINITY;
  let lo = 0;
  let hi = cap;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (powerAt(mid) >= target) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * MDE of an increase of a rate from `rate` between two independent samples (pooled z test, the
 * power formula of Fleiss et al. and statsmodels' power_proportions_2indep): the smallest δ with
 * Φ((δ − z₁₋α·σ₀)/σ₁) ≥ power, σ₀² = p̄q̄(1/n₁ + 1/n₂), σ₁² = p₁q₁/n₁ + p₂q₂/n₂, p₁ = rate + δ.
 * For a decrease (accuracy falling), pass the failure rate 1 − accuracy. ∞ when no increase
 * up to rate = 1 reaches the power.
 */
export function proportionMde(
  input: { rate: number; nCurrent: number; nBaseline: number },
  options: PowerOptions = {},
): number {
  const { power, level } = settings(options);
  const { rate, nCurrent: n1, nBaseline: n2 } = input;
  if (!(rate >= 0 && rate < 1)) throw new RangeError(`rate must be in [0, 1), got ${rate}`);
  if (!(n1 > 0 && n2 > 0)) return Number.POSITIVE_INFINITY;
  const z = normalQuantile(level);
  const powerAt = (delta: number) => {
    const p1 = rate + delta;
    const pooled = (n1 * p1 + n2 * rate) / (n1 + n2);
    const null0 = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    const alt = Math.sqrt((p1 * (1 - p1)) / n1 + (rate * (1 - rate)) / n2);
    return alt === 0 ? (delta > z * null0 ? 1 : 0) : normalCdf((delta - z * null0) / alt);
  };
  return solveIncreasing(powerAt, power, 1 - rate);
}

/**
 * MDE of a paired change of a proportion over n items of which a share `discordantRate` (ψ)
 * changes outcome either way (McNemar; Connor 1987): the smallest δ with
 * Φ((δ√n − z₁₋α·√ψ)/√(ψ − δ²)) ≥ power. Without a measured ψ, 2p(1 − p) (outcomes independent
 * across runs at rate p) is a conservative guess. ∞ when even n discordant pairs all one way
 * could not reach α by the exact test (0.5ⁿ > α), or no δ ≤ ψ suffices.
 */
export function pairedProportionMde(
  input: { n: number; discordantRate: number },
  options: PowerOptions = {},
): number {
  const { alpha, power, level, sides } = settings(options);
  const { n, discordantRate: psi } = input;
  if (!(psi > 0 && psi <= 1)) throw new RangeError(`discordantRate must be in (0, 1]`);
  if (!(n > 0) || 0.5 ** n * sides > alpha) return Number.POSITIVE_INFINITY;
  const z = normalQuantile(level);
  const powerAt = (delta: number) => {
    const spread = psi - delta * delta;
    const shift = delta * Math.sqrt(n) - z * Math.sqrt(psi);
    return spread <= 0 ? (shift > 0 ? 1 : 0) : normalCdf(shift / Math.sqrt(spread));
  };
  return solveIncreasing(powerAt, power, psi);
}
