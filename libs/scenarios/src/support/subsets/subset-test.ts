import {
  badSign,
  compareToBaseline,
  compareTwoProportions,
  type CompareInput,
  type Interval,
} from '@lastmile/metrics';
import type { MetricDefinition, ScoredInstance } from '../../scenario-kind';
import { type Contribution, pointValue } from '../estimate';
import { groupByItem, type ItemSamples } from '../item-samples';
import { contributionsOf } from '../item-metrics';
import { matchesPredicate, type Predicate } from './predicate';

/** Items with one combination of attribute values: a predicate is judged once per cell. */
interface Cell {
  attributes: Record<string, string>;
  contributions: Contribution[];
  successes: number;
}

/** A metric's item contributions on a pool, grouped for testing many subsets of it. */
export interface SubsetPool {
  definition: MetricDefinition;
  cells: Cell[];
  items: number;
}

export function subsetPool(
  definition: MetricDefinition,
  items: readonly ItemSamples[],
  exclude: ReadonlySet<string> = new Set(),
): SubsetPool {
  const cells = new Map<string, Cell>();
  let counted = 0;
  for (const item of items) {
    if (exclude.has(item.itemId)) continue;
    const [contribution] = contributionsOf(definition, [item]);
    if (!contribution) continue;
    const key = cellKey(item.attributes);
    let cell = cells.get(key);
    if (!cell)
      cells.set(key, (cell = { attributes: item.attributes, contributions: [], successes: 0 }));
    cell.contributions.push(contribution);
    cell.successes += contribution.num;
    counted++;
  }
  return { definition, cells: [...cells.values()], items: counted };
}

/** Names and values, sorted by name, joined by characters no attribute holds (NUL, SOH). */
function cellKey(attributes: Readonly<Record<string, string>>): string {
  const names = Object.keys(attributes);
  // Items of one upload list their attributes in one order, usually sorted already: skip the sort.
  if (names.some((name, i) => i > 0 && names[i - 1] > name)) names.sort();
  let key = '';
  for (const name of names) key += `${name}\u0000${attributes[name]}\u0001`;
  return key;
}

/** A pool from a run's scored instances (samples grouped by item). */
export function subsetPoolOfInstances(
  definition: MetricDefinition,
  instances: readonly ScoredInstance[],
  exclude: ReadonlySet<string> = new Set(),
): SubsetPool {
  return subsetPool(definition, groupByItem(instances), exclude);
}

export interface SubsetTestOptions {
  /** δ ≥ 0: the null is "the subset is worse than the rest by at most δ" (metric units). */
  minEffect: number;
  /** Fewest items in the subset and in its complement for a test to run. */
  minItems: number;
  seed: number;
  resamples?: number;
}

export type SubsetTest =
  | { status: 'too_small'; nSubset: number; nComplement: number }
  | {
      status: 'tested';
      nSubset: number;
      nComplement: number;
      subsetValue: number;
      complementValue: number;
      /** subset − complement, in metric units, and its 95% interval. */
      delta: number;
      interval: Interval;
      /** How much worse the subset is, in the metric's bad direction (negative: better). */
      shortfall: number;
      /** One-sided p of the null "the subset is at most minEffect worse than the rest". */
      pWorse: number;
      test: string;
    };

/**
 * The subset's metric against its complement's, as two independent samples: a score test of the
 * shifted null with a Newcombe interval for proportions (Farrington–Manning), a bootstrap for
 * means and ratios — the tests `compareToBaseline` uses for unpaired runs.
 */
export function testSubset(
  pool: SubsetPool,
  predicate: Predicate,
  options: SubsetTestOptions,
): SubsetTest {
  const subset: Cell[] = [];
  const complement: Cell[] = [];
  for (const cell of pool.cells)
    (matchesPredicate(predicate, cell.attributes) ? subset : complement).push(cell);
  const count = (cells: Cell[]) => cells.reduce((sum, c) => sum + c.contributions.length, 0);
  const [nSubset, nComplement] = [count(subset), count(complement)];
  if (nSubset < options.minItems || nComplement < options.minItems)
    return { status: 'too_small', nSubset, nComplement };
  const { definition } = pool;
  const sign = badSign(definition.direction);
  const contributions = (cells: Cell[]) => cells.flatMap((c) => c.contributions);
  if (definition.statKind === 'proportion') {
    const successes = (cells: Cell[]) => cells.reduce((sum, c) => sum + c.successes, 0);
    const result = compareTwoProportions(
      { successes: successes(subset), n: nSubset },
      { successes: successes(complement), n: nComplement },
      sign,
      options.minEffect,
    );
    return {
      status: 'tested',
      nSubset,
      nComplement,
      subsetValue: successes(subset) / nSubset,
      complementValue: successes(complement) / nComplement,
      delta: result.delta,
      interval: result.deltaInterval,
      shortfall: sign * result.delta,
      pWorse: result.oneSided.worse,
      test: result.test,
    };
  }
  const asMap = (cells: Cell[]) =>
    new Map(
      contributions(cells).map((c, i) => [
        c.itemId ?? `#${i}`,
        definition.statKind === 'ratio' ? { num: c.num, den: c.den } : c.num / c.den,
      ]),
    );
  const comparison = compareToBaseline({
    kind: definition.statKind,
    current: asMap(subset),
    baseline: asMap(complement),
    direction: definition.direction,
    paired: false,
    minEffect: options.minEffect,
    seed: options.seed,
    resamples: options.resamples,
  } as CompareInput);
  return {
    status: 'tested',
    nSubset,
    nComplement,
    subsetValue: pointValue(definition.statKind, contributions(subset)) ?? comparison.currentValue,
    complementValue:
      pointValue(definition.statKind, contributions(complement)) ?? comparison.baselineValue,
    delta: comparison.delta,
    interval: comparison.deltaInterval,
    shortfall: sign * comparison.delta,
    pWorse: comparison.pWorse,
    test: comparison.test,
  };
}
