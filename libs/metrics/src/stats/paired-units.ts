/** One item scored in the baseline and in the current run, as numerator/denominator. */
export interface PairedRecord {
  itemId: string;
  /** Speaker, session or any unit whose items are correlated; the item itself when absent. */
  cluster?: string;
  baseline: { num: number; den: number };
  current: { num: number; den: number };
}

// Per unit: a, b (current num, den), e, f (baseline num, den) and their cross products, so that
// the linearised variance of any subset of units is a sum over it.
export const MOMENTS = 14;
const [A, B, E, F, AA, AB, BB, EE, EF, FF, AE, BE, AF, BF] = Array.from(
  { length: MOMENTS },
  (_, i) => i,
);

/** Resampling units (clusters): per-unit sums and moments, MOMENTS numbers per unit. */
export interface PairedUnits {
  count: number;
  items: Int32Array;
  moments: Float64Array;
}

/** Sums items into units by cluster (items without one are their own unit), in first-seen order. */
export function pairedUnits(records: readonly PairedRecord[]): PairedUnits {
  // Written straight into typed arrays: a run's subgroups hold hundreds of thousands of pairs.
  const unitOfCluster = new Map<string, number>();
  const unitOfItem = new Map<string, number>();
  const sums = new Float64Array(records.length * 4);
  const counts = new Int32Array(records.length);
  let count = 0;
  for (const record of records) {
    const [unitOf, key] =
      record.cluster === undefined ? [unitOfItem, record.itemId] : [unitOfCluster, record.cluster];
    let unit = unitOf.get(key);
    if (unit === undefined) {
      unit = count++;
      unitOf.set(key, unit);
    }
    sums[unit * 4] += record.current.num;
    sums[unit * 4 + 1] += record.current.den;
    sums[unit * 4 + 2] += record.baseline.num;
    sums[unit * 4 + 3] += record.baseline.den;
    counts[unit] += 1;
  }
  const moments = new Float64Array(count * MOMENTS);
  for (let unit = 0; unit < count; unit++) {
    const [a, b, e, f] = [
      sums[unit * 4],
      sums[unit * 4 + 1],
      sums[unit * 4 + 2],
      sums[unit * 4 + 3],
    ];
    const at = unit * MOMENTS;
    moments[at + A] = a;
    moments[at + B] = b;
    moments[at + E] = e;
    moments[at + F] = f;
    moments[at + AA] = a * a;
    moments[at + AB] = a * b;
    moments[at + BB] = b * b;
    moments[at + EE] = e * e;
    moments[at + EF] = e * f;
    moments[at + FF] = f * f;
    moments[at + AE] = a * e;
    moments[at + BE] = b * e;
    moments[at + AF] = a * f;
    moments[at + BF] = b * f;
  }
  return { count, items: counts.slice(0, count), moments };
}

/** Adds unit `unit`'s moments into `into` (length MOMENTS). */
export function addUnit(units: PairedUnits, unit: number, into: Float64Array, weight = 1): void {
  const offset = unit * MOMENTS;
  for (let j = 0; j < MOMENTS; j++) into[j] += weight * units.moments[offset + j];
}

/** Moments summed over every unit. */
export function totalMoments(units: PairedUnits): Float64Array {
  const total = new Float64Array(MOMENTS);
  for (let unit = 0; unit < units.count; unit++) addUnit(units, unit, total);
  return total;
}

/** The change of the ratio, Σa/Σb − Σe/Σf, from summed moments (NaN with a zero denominator). */
export function ratioChange(m: Float64Array): number {
  return m[A] / m[B] - m[E] / m[F];
}

export const currentRatio = (m: Float64Array) => m[A] / m[B];
export const baselineRatio = (m: Float64Array) => m[E] / m[F];

/**
 * Σ_c u_c² over the units summed in m, with u_c = (a_c − ra·b_c)/bTotal − (e_c − re·f_c)/fTotal
 * for given ratios and totals (those of m itself, or of a larger set m is a stratum of).
 */
export function residualSquares(
  m: Float64Array,
  ra: number,
  re: number,
  bTotal: number,
  fTotal: number,
): number {
  const current = (m[AA] - 2 * ra * m[AB] + ra * ra * m[BB]) / (bTotal * bTotal);
  const baseline = (m[EE] - 2 * re * m[EF] + re * re * m[FF]) / (fTotal * fTotal);
  const cross = (m[AE] - ra * m[BE] - re * m[AF] + ra * re * m[BF]) / (bTotal * fTotal);
  return Math.max(0, current + baseline - 2 * cross);
}

/** Σ_c u_c over the units summed in m (see residualSquares). */
export function residualSum(
  m: Float64Array,
  ra: number,
  re: number,
  bTotal: number,
  fTotal: number,
) {
  return (m[A] - ra * m[B]) / bTotal - (m[E] - re * m[F]) / fTotal;
}

/**
 * Linearised (delta-method) variance of Σa/Σb − Σe/Σf over `size` units with summed moments m:
 * size/(size − 1)·Σ_c u_c², u_c = (a_c − R_a·b_c)/Σb − (e_c − R_e·f_c)/Σf. 0 for one unit.
 */
export function linearizedVariance(m: Float64Array, size: number): number {
  if (size < 2 || m[B] === 0 || m[F] === 0) return 0;
  const squares = residualSquares(m, m[A] / m[B], m[E] / m[F], m[B], m[F]);
  return (size / (size - 1)) * squares;
}

/** Linearised variance of one run's ratio Σnum/Σden (which: 'current' a/b or 'baseline' e/f). */
export function ratioVariance(m: Float64Array, size: number, which: 'current' | 'baseline') {
  if (size < 2) return 0;
  const [num, den, nn, nd, dd] =
    which === 'current' ? [m[A], m[B], m[AA], m[AB], m[BB]] : [m[E], m[F], m[EE], m[EF], m[FF]];
  if (den === 0) return 0;
  const r = num / den;
  return Math.max(0, ((size / (size - 1)) * (nn - 2 * r * nd + r * r * dd)) / (den * den));
}
