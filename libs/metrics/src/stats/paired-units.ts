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

/**
 * Shared items column by column (position k is one item scored in both runs), with a cluster id
 * per position when items are correlated within clusters (−1 or absent: the item is its own
 * unit). The monitor's form: a run's subgroups hold hundreds of thousands of pairs, and one object
 * per pair cost more than the tests themselves.
 */
export interface PairedColumns {
  currentNum: Float64Array;
  currentDen: Float64Array;
  baselineNum: Float64Array;
  baselineDen: Float64Array;
  cluster?: Int32Array;
}

/** Sums items into units by cluster (items without one are their own unit), in first-seen order. */
export function pairedUnits(records: readonly PairedRecord[]): PairedUnits {
  return pairedUnitsOfColumns(pairedColumnsOf(records));
}

/** Records as columns; items without a cluster keep their own unit (one per item id). */
export function pairedColumnsOf(records: readonly PairedRecord[]): PairedColumns & {
  cluster: Int32Array;
} {
  const n = records.length;
  const columns = {
    currentNum: new Float64Array(n),
    currentDen: new Float64Array(n),
    baselineNum: new Float64Array(n),
    baselineDen: new Float64Array(n),
    cluster: new Int32Array(n),
  };
  const unitIds = new Map<string, number>();
  records.forEach((record, k) => {
    const key =
      record.cluster === undefined ? `item:${record.itemId}` : `cluster:${record.cluster}`;
    let id = unitIds.get(key);
    if (id === undefined) unitIds.set(key, (id = unitIds.size));
    columns.currentNum[k] = record.current.num;
    columns.currentDen[k] = record.current.den;
    columns.baselineNum[k] = record.baseline.num;
    columns.baselineDen[k] = record.baseline.den;
    columns.cluster[k] = id;
  });
  return columns;
}

/**
 * Units of the given positions (default all, in order) by cluster, in first-seen order: per-unit
 * sums and their cross products written straight into typed arrays.
 */
export function pairedUnitsOfColumns(
  columns: PairedColumns,
  positions?: Int32Array | readonly number[],
): PairedUnits {
  const size = positions ? positions.length : columns.currentNum.length;
  const unitOfCluster = new Map<number, number>();
  const sums = new Float64Array(size * 4);
  const counts = new Int32Array(size);
  let count = 0;
  for (let k = 0; k < size; k++) {
    const at = positions ? positions[k] : k;
    const cluster = columns.cluster ? columns.cluster[at] : -1;
    let unit = cluster < 0 ? undefined : unitOfCluster.get(cluster);
    if (unit === undefined) {
      unit = count++;
      if (cluster >= 0) unitOfCluster.set(cluster, unit);
    }
    sums[unit * 4] += columns.currentNum[at];
    sums[unit * 4 + 1] += columns.currentDen[at];
    sums[unit * 4 + 2] += columns.baselineNum[at];
    sums[unit * 4 + 3] += columns.baselineDen[at];
    counts[unit] += 1;
  }
  const moments = new Float64Array(count * MOMENTS);
  for (let unit = 0; unit < count; unit++) {
    const at = unit * 4;
    writeMoments(moments, unit * MOMENTS, sums[at], sums[at + 1], sums[at + 2], sums[at + 3]);
  }
  return { count, items: counts.slice(0, count), moments };
}

/**
 * Moments summed over every position and the number of units: without clusters each item is a
 * unit and nothing per unit is kept (the same sums, in the same order, as totalMoments of
 * pairedUnitsOfColumns).
 */
export function pairedTotals(columns: PairedColumns): { total: Float64Array; count: number } {
  if (columns.cluster) {
    const units = pairedUnitsOfColumns(columns);
    return { total: totalMoments(units), count: units.count };
  }
  const total = new Float64Array(MOMENTS);
  const one = new Float64Array(MOMENTS);
  const size = columns.currentNum.length;
  for (let k = 0; k < size; k++) {
    writeMoments(
      one,
      0,
      columns.currentNum[k],
      columns.currentDen[k],
      columns.baselineNum[k],
      columns.baselineDen[k],
    );
    for (let j = 0; j < MOMENTS; j++) total[j] += one[j];
  }
  return { total, count: size };
}

function writeMoments(into: Float64Array, at: number, a: number, b: number, e: number, f: number) {
  into[at + A] = a;
  into[at + B] = b;
  into[at + E] = e;
  into[at + F] = f;
  into[at + AA] = a * a;
  into[at + AB] = a * b;
  into[at + BB] = b * b;
  into[at + EE] = e * e;
  into[at + EF] = e * f;
  into[at + FF] = f * f;
  into[at + AE] = a * e;
  into[at + BE] = b * e;
  into[at + AF] = a * f;
  into[at + BF] = b * f;
}

/** Adds unit `unit`'s moments into `into` (length MOMENTS). */
export function addUnit(units: PairedUnits, unit: number, into: Float64Array, weight = 1): void {
  const offset = unit * MOMENTS;
  const moments = units.moments;
  if (weight === 1) for (let j = 0; j < MOMENTS; j++) into[j] += moments[offset + j];
  else for (let j = 0; j < MOMENTS; j++) into[j] += weight * moments[offset + j];
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
