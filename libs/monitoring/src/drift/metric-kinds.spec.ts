import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareToBaseline, createRng } from '@lastmile/metrics';
import type { MetricDefinition } from '@lastmile/scenarios';
import { ItemValues } from './item-value-columns';
import {
  compareItemValues,
  driftKindOf,
  isGroupComparable,
  isItemLevelAlertable,
} from './metric-kinds';

const metric = (extra: Partial<MetricDefinition> = {}): MetricDefinition => ({
  name: 'm',
  direction: 'higher_is_better',
  statKind: 'proportion',
  itemValue: () => null,
  ...extra,
});

describe('metric kinds', () => {
  it('names the cause of a metric’s drift by its signal', () => {
    assert.equal(driftKindOf(metric(), 'drift'), 'drift');
    assert.equal(driftKindOf(metric(), 'cusum'), 'cusum');
    assert.equal(driftKindOf(metric({ signal: 'condition' }), 'drift'), 'condition_drift');
    assert.equal(driftKindOf(metric({ signal: 'judge' }), 'cusum'), 'judge_drift');
  });

  it('tests a judge’s agreement with people for drift, never between groups', () => {
    const judge = metric({ signal: 'judge' });
    assert.equal(isItemLevelAlertable(judge), true);
    assert.equal(isGroupComparable(judge), false);
    assert.equal(isGroupComparable(metric()), true);
  });
});

describe('compareItemValues (columns) against compareToBaseline (keyed maps)', () => {
  // The monitor pairs items by position in columns; compareToBaseline pairs keyed maps by id.
  // Both must give the same comparison, to the last bit, whatever the order and overlap.
  const shuffled = <T>(xs: T[], rng: () => number) => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };

  it('agrees on ratios, means and 0/1 proportions, paired or not, small or large', () => {
    const rng = createRng(2024);
    let cases = 0;
    for (const size of [40, 150, 600]) {
      for (const overlap of [1, 0.95, 0.5]) {
        for (const statKind of ['ratio', 'mean', 'proportion'] as const) {
          const ids = Array.from({ length: size }, (_, i) => `item-${i}`);
          const value = () =>
            statKind === 'ratio'
              ? { num: Math.floor(rng() * 4), den: 1 + Math.floor(rng() * 9) }
              : statKind === 'mean'
                ? { num: Math.round(rng() * 100) / 100, den: 1 }
                : { num: rng() < 0.3 ? 1 : 0, den: 1 };
          const baselineIds = shuffled(ids, rng).slice(0, Math.round(size * overlap));
          const current = Object.fromEntries(ids.map((id) => [id, value()]));
          const baseline = Object.fromEntries(baselineIds.map((id) => [id, value()]));
          const definition = { direction: 'lower_is_better' as const, statKind };
          const options = { minEffect: 0.01, seed: 5, resamples: 500 };
          const columns = compareItemValues(
            definition,
            ItemValues.fromRecord(baseline),
            ItemValues.fromRecord(current),
            options,
          );
          const toMap = (items: Record<string, { num: number; den: number }>) =>
            new Map(Object.entries(items));
          const share = (items: Record<string, { num: number; den: number }>) =>
            new Map(Object.entries(items).map(([id, v]) => [id, v.num / v.den]));
          const keyed =
            statKind === 'ratio'
              ? compareToBaseline({
                  ...options,
                  direction: 'lower_is_better',
                  kind: 'ratio',
                  baseline: toMap(baseline),
                  current: toMap(current),
                })
              : compareToBaseline({
                  ...options,
                  direction: 'lower_is_better',
                  kind: statKind,
                  baseline: share(baseline),
                  current: share(current),
                });
          assert.deepEqual(columns, keyed, `${statKind}, ${size} items, overlap ${overlap}`);
          cases += 1;
        }
      }
    }
    assert.equal(cases, 27);
  });
});
