import { type CostModel, type EditCounts, editCosts } from './edit-costs';

// Rank of each step among equal costs, lowest wins (sclite: diagonal, then insertion, then deletion).
const RANK_INSERTION = 1;
const RANK_DELETION = 2;

/**
 * Counts hits, substitutions, deletions and insertions of integer-token sequences with the same
 * costs and tie-breaking as alignTokens, without a matrix or a back-trace: each cell carries the
 * hit count of the path that reaches it, so the final cell holds the counts of exactly the path a
 * back-trace would follow. S follows from the path cost, D and I from H + S + D = n, H + S + I = m.
 * Buffers are reused across calls (written by hand for speed: no library aligns typed arrays).
 */
export class EditCounter implements EditCounts {
  hits = 0;
  substitutions = 0;
  deletions = 0;
  insertions = 0;
  private readonly sub: number;
  private readonly ins: number;
  private readonly del: number;
  private costs = new Int32Array(64);
  private hitRow = new Int32Array(64);

  /** `packed: false` always uses the wide rows (the automatic fallback for very long utterances). */
  constructor(
    costs: CostModel = 'sclite',
    private readonly options: { packed?: boolean } = {},
  ) {
    ({ substitution: this.sub, insertion: this.ins, deletion: this.del } = editCosts(costs));
    // S is recovered from cost = del·n + ins·m − (del + ins)·H − (del + ins − sub)·S.
    if (this.sub >= this.del + this.ins) {
      throw new RangeError('substitution must cost less than a deletion plus an insertion');
    }
  }

  /** Aligns ref[0..n) with hyp[0..m) and stores the counts on this object. */
  count(ref: ArrayLike<number>, n: number, hyp: ArrayLike<number>, m: number): this {
    if (this.costs.length <= m) {
      this.costs = new Int32Array(Math.max(m + 1, this.costs.length * 2));
      this.hitRow = new Int32Array(this.costs.length);
    }
    const hitBits = 32 - Math.clz32(Math.min(n, m));
    const largestKey =
      (this.del * n + this.ins * m + Math.max(this.sub, this.del, this.ins) + 1) *
      2 ** (hitBits + 2);
    const packed = this.options.packed !== false && largestKey < 2 ** 31;
    const cost = packed
      ? this.packedCount(ref, n, hyp, m, hitBits)
      : this.wideCount(ref, n, hyp, m);
    this.substitutions =
      (this.del * n + this.ins * m - (this.del + this.ins) * this.hits - cost) /
      (this.del + this.ins - this.sub);
    this.deletions = n - this.hits - this.substitutions;
    this.insertions = m - this.hits - this.substitutions;
    return this;
  }

  /**
   * One int32 per cell: cost, then 2 rank bits, then the hit count, so a single Math.min picks
   * the cheapest step, breaks ties as sclite does and carries that step's hits along.
   */
  private packedCount(
    ref: ArrayLike<number>,
    n: number,
    hyp: ArrayLike<number>,
    m: number,
    hitBits: number,
  ): number {
    const row = this.costs;
    const unit = 1 << (hitBits + 2);
    const keep = ~(3 << hitBits); // clears the rank bits
    const sub = this.sub * unit;
    const ins = this.ins * unit + (RANK_INSERTION << hitBits);
    const del = this.del * unit + (RANK_DELETION << hitBits);
    for (let b = 0; b <= m; b++) row[b] = b * this.ins * unit;
    for (let a = 1; a <= n; a++) {
      const token = ref[a - 1];
      let diagonal = row[0];
      let left = a * this.del * unit;
      row[0] = left;
      for (let b = 1; b <= m; b++) {
        const up = row[b];
        const viaDiagonal = token === hyp[b - 1] ? diagonal + 1 : diagonal + sub;
        left = Math.min(viaDiagonal, Math.min(left + ins, up + del)) & keep;
        row[b] = left;
        diagonal = up;
      }
    }
    this.hits = row[m] & ((1 << hitBits) - 1);
    return row[m] >>> (hitBits + 2);
  }

  /** Same choices with cost and hits in separate rows, for utterances too long to pack. */
  private wideCount(ref: ArrayLike<number>, n: number, hyp: ArrayLike<number>, m: number): number {
    const row = this.costs;
    const hitRow = this.hitRow;
    for (let b = 0; b <= m; b++) {
      row[b] = b * this.ins;
      hitRow[b] = 0;
    }
    for (let a = 1; a <= n; a++) {
      const token = ref[a - 1];
      let diagonal = row[0];
      let diagonalHits = 0;
      let left = a * this.del;
      let leftHits = 0;
      row[0] = left;
      hitRow[0] = 0;
      for (let b = 1; b <= m; b++) {
        const up = row[b];
        const upHits = hitRow[b];
        const same = token === hyp[b - 1];
        const viaDiagonal = same ? diagonal : diagonal + this.sub;
        const viaDeletion = up + this.del;
        const viaInsertion = left + this.ins;
        if (viaDiagonal <= viaDeletion && viaDiagonal <= viaInsertion) {
          left = viaDiagonal;
          leftHits = same ? diagonalHits + 1 : diagonalHits;
        } else if (viaDeletion < viaInsertion) {
          left = viaDeletion;
          leftHits = upHits;
        } else {
          left = viaInsertion;
        }
        row[b] = left;
        hitRow[b] = leftHits;
        diagonal = up;
        diagonalHits = upHits;
      }
    }
    this.hits = hitRow[m];
    return row[m];
  }
}
