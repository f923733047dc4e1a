import { type CostModel, type EditCounts, editCosts } from './edit-costs';

/**
 * Counts hits, substitutions, deletions and insertions of integer-token sequences with the same
 * costs and tie-breaking as alignTokens, without a matrix or a back-trace: each cell carries the
 * hit and substitution counts of the path that reaches it, so the final cell holds the counts of
 * exactly the path a back-trace would follow. D and I follow from H + S + D = n and H + S + I = m.
 * Buffers are reused across calls (written by hand for speed: no library aligns typed arrays).
 */
export class EditCounter implements EditCounts {
  hits = 0;
  substitutions = 0;
  deletions = 0;
  insertions = 0;
  private readonly substitutionCost: number;
  private readonly insertionCost: number;
  private readonly deletionCost: number;
  private capacity = 0;
  private rows: Int32Array[] = [];

  constructor(costs: CostModel = 'sclite') {
    const { substitution, insertion, deletion } = editCosts(costs);
    this.substitutionCost = substitution;
    this.insertionCost = insertion;
    this.deletionCost = deletion;
  }

  /** Aligns ref[0..n) with hyp[0..m) and stores the counts on this object. */
  count(ref: ArrayLike<number>, n: number, hyp: ArrayLike<number>, m: number): this {
    this.ensureCapacity(m + 1);
    let [prevCost, curCost, prevHits, curHits, prevSubs, curSubs] = this.rows;
    const sub = this.substitutionCost;
    const ins = this.insertionCost;
    const del = this.deletionCost;
    for (let b = 0; b <= m; b++) {
      prevCost[b] = b * ins;
      prevHits[b] = 0;
      prevSubs[b] = 0;
    }
    for (let a = 1; a <= n; a++) {
      const token = ref[a - 1];
      curCost[0] = a * del;
      curHits[0] = 0;
      curSubs[0] = 0;
      for (let b = 1; b <= m; b++) {
        const same = token === hyp[b - 1];
        const diagonal = prevCost[b - 1] + (same ? 0 : sub);
        const deletion = prevCost[b] + del;
        const insertion = curCost[b - 1] + ins;
        if (diagonal <= deletion && diagonal <= insertion) {
          curCost[b] = diagonal;
          curHits[b] = prevHits[b - 1] + (same ? 1 : 0);
          curSubs[b] = prevSubs[b - 1] + (same ? 0 : 1);
        } else if (deletion < insertion) {
          curCost[b] = deletion;
          curHits[b] = prevHits[b];
          curSubs[b] = prevSubs[b];
        } else {
          curCost[b] = insertion;
          curHits[b] = curHits[b - 1];
          curSubs[b] = curSubs[b - 1];
        }
      }
      [prevCost, curCost] = [curCost, prevCost];
      [prevHits, curHits] = [curHits, prevHits];
      [prevSubs, curSubs] = [curSubs, prevSubs];
    }
    this.hits = prevHits[m];
    this.substitutions = prevSubs[m];
    this.deletions = n - this.hits - this.substitutions;
    this.insertions = m - this.hits - this.substitutions;
    return this;
  }

  private ensureCapacity(size: number): void {
    if (size <= this.capacity) return;
    this.capacity = Math.max(size, this.capacity * 2, 64);
    this.rows = Array.from({ length: 6 }, () => new Int32Array(this.capacity));
  }
}
