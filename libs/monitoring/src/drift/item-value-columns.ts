export interface ItemValue {
  num: number;
  den: number;
}

/**
 * Item ids in a fixed order, with an id → position index built on first lookup. One list is
 * shared by every metric of a subgroup (their items are the same), so is its index.
 */
export class ItemIds {
  private index: Map<string, number> | null = null;

  constructor(readonly list: readonly string[]) {}

  get size(): number {
    return this.list.length;
  }

  /** The id's position, −1 when absent. */
  indexOf(id: string): number {
    if (!this.index) {
      this.index = new Map();
      for (let i = 0; i < this.list.length; i++) this.index.set(this.list[i], i);
    }
    return this.index.get(id) ?? -1;
  }
}

/**
 * One metric's per-item values over one set of items (a subgroup of a run, a pooled baseline),
 * column by column: ids, numerators, denominators. Immutable once built. Columns, not an object
 * keyed by item id: a 20,000-item run has six such sets per metric, and keyed objects of that
 * size took most of the drift monitor's time to build, walk and look up.
 */
export class ItemValues {
  private constructor(
    readonly ids: ItemIds,
    readonly num: Float64Array,
    readonly den: Float64Array,
  ) {}

  static readonly empty = new ItemValues(new ItemIds([]), new Float64Array(0), new Float64Array(0));

  /** Columns as they are (ids shared with other sets of the same items when given as ItemIds). */
  static fromColumns(
    ids: ItemIds | readonly string[],
    num: Float64Array,
    den: Float64Array,
  ): ItemValues {
    const list = ids instanceof ItemIds ? ids : new ItemIds(ids);
    if (list.size !== num.length || list.size !== den.length)
      throw new RangeError(
        `ids, num and den differ in length (${list.size}, ${num.length}, ${den.length})`,
      );
    return new ItemValues(list, num, den);
  }

  /** From an object keyed by item id (tests, JSON written by `lastmile run --json`). */
  static fromRecord(record: Readonly<Record<string, ItemValue>>): ItemValues {
    return ItemValues.fromEntries(Object.entries(record));
  }

  static fromEntries(entries: Iterable<readonly [string, ItemValue]>): ItemValues {
    const ids: string[] = [];
    const num: number[] = [];
    const den: number[] = [];
    for (const [id, value] of entries) {
      ids.push(id);
      num.push(value.num);
      den.push(value.den);
    }
    return new ItemValues(new ItemIds(ids), Float64Array.from(num), Float64Array.from(den));
  }

  get size(): number {
    return this.num.length;
  }

  idAt(position: number): string {
    return this.ids.list[position];
  }

  /** num/den of the item at a position (0 without a denominator): the metric's own scale. */
  shareAt(position: number): number {
    return this.den[position] === 0 ? 0 : this.num[position] / this.den[position];
  }

  valueAt(position: number): ItemValue {
    return { num: this.num[position], den: this.den[position] };
  }

  indexOf(id: string): number {
    return this.ids.indexOf(id);
  }

  toRecord(): Record<string, ItemValue> {
    const out: Record<string, ItemValue> = {};
    for (let i = 0; i < this.size; i++) out[this.idAt(i)] = this.valueAt(i);
    return out;
  }

  /** JSON keeps the keyed form `{ id: { num, den } }` that `lastmile run --json` always wrote. */
  toJSON(): Record<string, ItemValue> {
    return this.toRecord();
  }
}

/** Positions of the items present in both sets, in the current set's order. */
export interface ItemAlignment {
  current: Int32Array;
  baseline: Int32Array;
}

// Alignments by id list: a drift test, its worst items, the CUSUM step and the disparity test
// of one subgroup line up the same two lists. Id lists are immutable, so the result keeps.
const alignments = new WeakMap<ItemIds, WeakMap<ItemIds, ItemAlignment>>();

/**
 * The items two sets share, lined up (looked up in the current set's index, shared per
 * subgroup). Do not modify the result: it is kept for the next call with the same id lists.
 */
export function alignItems(current: ItemValues, baseline: ItemValues): ItemAlignment {
  const byBaseline =
    alignments.get(current.ids) ?? alignments.set(current.ids, new WeakMap()).get(current.ids)!;
  const known = byBaseline.get(baseline.ids);
  if (known) return known;
  const alignment = lineUp(current.ids, baseline.ids);
  byBaseline.set(baseline.ids, alignment);
  return alignment;
}

function lineUp(current: ItemIds, baseline: ItemIds): ItemAlignment {
  if (current === baseline) {
    const all = Int32Array.from({ length: current.size }, (_, i) => i);
    return { current: all, baseline: all };
  }
  const baselineAt = new Int32Array(current.size).fill(-1);
  let shared = 0;
  for (let j = 0; j < baseline.size; j++) {
    const i = current.indexOf(baseline.list[j]);
    if (i >= 0 && baselineAt[i] < 0) {
      baselineAt[i] = j;
      shared += 1;
    }
  }
  const alignment = { current: new Int32Array(shared), baseline: new Int32Array(shared) };
  for (let i = 0, k = 0; i < current.size; i++) {
    if (baselineAt[i] < 0) continue;
    alignment.current[k] = i;
    alignment.baseline[k++] = baselineAt[i];
  }
  return alignment;
}

const positionsCache = new WeakMap<ItemIds, WeakMap<ItemIds, Int32Array>>();

/**
 * Where each item of `subset` sits in `superset` (−1: not there): a subgroup's items within the
 * run's. Kept per pair of id lists; itemValuesFor records what it already knows.
 */
export function positionsIn(subset: ItemIds, superset: ItemIds): Int32Array {
  const bySuperset =
    positionsCache.get(subset) ?? positionsCache.set(subset, new WeakMap()).get(subset)!;
  let positions = bySuperset.get(superset);
  if (!positions) {
    positions =
      subset === superset
        ? Int32Array.from({ length: subset.size }, (_, i) => i)
        : Int32Array.from(subset.list, (id) => superset.indexOf(id));
    bySuperset.set(superset, positions);
  }
  return positions;
}

/** Records that `subset`'s items sit at these positions of `superset` (known when it was built). */
export function knownPositions(subset: ItemIds, superset: ItemIds, positions: Int32Array): void {
  const bySuperset =
    positionsCache.get(subset) ?? positionsCache.set(subset, new WeakMap()).get(subset)!;
  bySuperset.set(superset, positions);
}
