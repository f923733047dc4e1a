export interface CusumOptions {
  /** In-control mean μ₀. */
  target: number;
  /** In-control standard deviation σ of one observation. */
  sd: number;
  /** Reference value in σ units: K = kσ (default 0.5, tuned to detect a 1σ shift). */
  k?: number;
  /** Decision threshold in σ units: H = hσ (default 4). */
  h?: number;
  /** Which shift to watch for (default 'increase'; use 'decrease' for e.g. accuracy). */
  direction?: 'increase' | 'decrease';
}

export interface CusumResult {
  /** S_t after each observation (reset to 0 after an alarm, so monitoring continues). */
  statistics: number[];
  /** Indices of observations at which S_t > H. */
  alarms: number[];
  /** First alarm, or null if none. */
  firstAlarm: number | null;
}

/** One-sided tabular CUSUM: S_t = max(0, S_{t−1} + x_t − μ₀ − K), alarm when S_t > H. */
export function cusum(values: readonly number[], options: CusumOptions): CusumResult {
  const { target, sd } = options;
  if (!(sd > 0)) throw new RangeError(`sd must be > 0, got ${sd}`);
  const allowance = (options.k ?? 0.5) * sd;
  const threshold = (options.h ?? 4) * sd;
  const sign = options.direction === 'decrease' ? -1 : 1;
  const statistics: number[] = [];
  const alarms: number[] = [];
  let s = 0;
  values.forEach((x, t) => {
    s = Math.max(0, s + sign * (x - target) - allowance);
    statistics.push(s);
    if (s > threshold) {
      alarms.push(t);
      s = 0;
    }
  });
  return { statistics, alarms, firstAlarm: alarms.length > 0 ? alarms[0] : null };
}
