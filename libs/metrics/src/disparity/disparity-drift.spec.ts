import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { disparityDrift } from './disparity-drift';
import type { DisparityRecord } from './disparity.types';
import { disproportionatelyHurtGroups } from './hurt-groups';

const close = (actual: number | null, expected: number, tolerance = 1e-12) =>
  assert.ok(Math.abs(actual! - expected) < tolerance, `${actual} ≠ ${expected}`);

/** Mean items (den 1) whose value went from 0 to `change`. */
const changes = (group: string, values: number[]): DisparityRecord[] =>
  values.map((change, i) => ({
    itemId: `${group}${i}`,
    group,
    baseline: { num: 0, den: 1 },
    current: { num: change, den: 1 },
  }));

const wer = (
  id: string,
  group: string,
  base: [number, number],
  cur: [number, number],
  cluster?: string,
): DisparityRecord => ({
  itemId: id,
  group,
  ...(cluster ? { cluster } : {}),
  baseline: { num: base[0], den: base[1] },
  current: { num: cur[0], den: cur[1] },
});

describe('disparityDrift', () => {
  it('tests 3 against 3 items exactly: the observed split is the most extreme of 20, p = 1/20', () => {
    const result = disparityDrift([...changes('a', [3, 4, 5]), ...changes('b', [0, 1, 2])], {
      direction: 'lower_is_better',
      seed: 1,
    });
    const [a, b] = result.groups;
    assert.deepEqual([a.group, a.n, a.clusters, a.test], ['a', 3, 3, 'permutation-exact']);
    close(a.delta, 4);
    close(a.restDelta, 1);
    close(a.contrast, 3);
    close(a.badContrast, 3);
    // Each side's linearised variance is 1/3, shrunk with the pooled 0.5833·6/3 to 13/24:
    // T = 3/√(13/12) = 2.882. Welch t (df 4): scipy t.sf(2.882, 4) = 0.0225 < 1/20.
    close(a.pWorse, 1 / 20);
    close(a.pBetter, 1);
    close(a.pValue, 1 / 10);
    // scipy (t.ppf(.95, 4) + t.ppf(.8, 4))·√(13/12) = 3.19828346915.
    close(a.mde, 3.1982834691499145, 1e-7);
    assert.equal(a.status, 'tested');
    close(b.contrast, -3);
    close(b.pBetter, 1 / 20);
  });

  it('reports each group’s corpus WER before and now, by ratio of sums, and its contrast', () => {
    const records = [
      wer('a1', 'A', [1, 10], [3, 10], 's1'),
      wer('a2', 'A', [0, 5], [2, 5], 's1'),
      wer('a3', 'A', [1, 10], [1, 10], 's2'),
      wer('b1', 'B', [1, 8], [1, 8]),
      wer('b2', 'B', [0, 12], [1, 12]),
      wer('c1', 'C', [2, 10], [2, 10]),
      wer('c2', 'C', [0, 10], [1, 10]),
      wer('c3', 'C', [1, 10], [1, 10]),
    ];
    const result = disparityDrift(records, { direction: 'lower_is_better', seed: 3 });
    const [a, b, c] = result.groups;
    // A: 2/25 → 6/25; the others pooled: 4/50 → 6/50; contrast 0.16 − 0.04.
    assert.deepEqual([a.n, a.clusters], [3, 2]);
    close(a.baseline.value, 0.08);
    close(a.current.value, 0.24);
    close(a.delta, 0.16);
    close(a.restDelta, 0.04);
    close(a.contrast, 0.12);
    // Two speakers among 7 units: 21 relabellings, so p ≥ 1/21 and the MDE is finite.
    assert.equal(a.test, 'permutation-exact');
    assert.ok(a.pWorse! >= 1 / 21 && Number.isFinite(a.mde));
    // B has two items: below the minimum of 3, reported but not tested.
    assert.deepEqual([b.status, b.pWorse, b.test], ['too_small', null, null]);
    close(b.contrast, 0.05 - 5 / 55);
    close(c.baseline.value, 0.1);
    assert.ok(a.current.interval.low <= 0.24 && 0.24 <= a.current.interval.high);
  });

  it('orients the contrast by direction: a fall in accuracy is the bad direction', () => {
    const records = [...changes('a', [-0.5, -0.4, -0.6]), ...changes('b', [0, 0.1, -0.1])];
    const [a] = disparityDrift(records, { direction: 'higher_is_better', seed: 1 }).groups;
    close(a.contrast, -0.5);
    close(a.badContrast, 0.5);
    close(a.pWorse, 1 / 20);
  });

  it('does not test a group against nothing', () => {
    const [only] = disparityDrift(changes('a', [1, 2, 3, 4]), {
      direction: 'lower_is_better',
      seed: 1,
    }).groups;
    assert.equal(only.status, 'too_small');
  });

  it('is deterministic given the seed, also when it samples relabellings', () => {
    const records = [
      ...changes('a', [3, 4, 5, 6, 2, 5]),
      ...changes('b', [0, 1, 2, 1, 0, 2, 3, 1]),
    ];
    const options = { direction: 'lower_is_better' as const, seed: 9, maxEnumeration: 100 };
    const first = disparityDrift(records, options);
    assert.equal(first.groups[0].test, 'permutation-monte-carlo');
    assert.deepEqual(disparityDrift(records, options), first);
  });

  it('uses Welch’s t and normal intervals when every side has at least largeSample clusters', () => {
    const records = [
      ...changes(
        'a',
        Array.from({ length: 30 }, (_, i) => (i % 3) + 1),
      ),
      ...changes(
        'b',
        Array.from({ length: 30 }, (_, i) => i % 3),
      ),
    ];
    const [a] = disparityDrift(records, {
      direction: 'lower_is_better',
      seed: 1,
      largeSample: 30,
    }).groups;
    assert.equal(a.test, 'welch-t');
    close(a.contrast, 1);
    // Each side: linearised variance (30/29)·Σ((d − 2)/30)² = (30/29)·(20/900), shrunk by one
    // pooled pseudo-unit; the 95% interval is contrast ± 1.96·se.
    assert.ok(a.contrastInterval.low > 0.5 && a.contrastInterval.high < 1.5);
    close((a.contrastInterval.low + a.contrastInterval.high) / 2, 1);
  });
});

describe('disproportionatelyHurtGroups', () => {
  const records = [
    ...changes('a', [3, 4, 5]),
    ...changes('b', [0, 1, 2]),
    ...changes('c', [0, 1, 1]),
  ];
  const result = disparityDrift(records, { direction: 'lower_is_better', seed: 2 });

  it('names groups with q < alpha whose contrast is in the bad direction, worst first', () => {
    const hurt = disproportionatelyHurtGroups(result, { qValues: [0.01, 0.02, 0.5] });
    assert.deepEqual(
      hurt.map((g) => g.group),
      ['a'],
      'b has q < 0.05 but improved relative to the others',
    );
  });

  it('requires the contrast to reach minEffect', () => {
    assert.equal(
      disproportionatelyHurtGroups(result, { qValues: [0.01, 0.02, 0.5], minEffect: 5 }).length,
      0,
    );
  });

  it('adjusts the groups’ one-sided p-values by BH when no q-values are given', () => {
    // a is the most extreme of C(9, 3) = 84 splits (p = 1/84); Welch's t on T = 3.8853 with
    // df 3.281 is larger: scipy t.sf(3.885303, 3.281368) = 0.0128417465959. BH over three: ×3.
    const hurt = disproportionatelyHurtGroups(result);
    assert.deepEqual(
      hurt.map((g) => g.group),
      ['a'],
    );
    close(result.groups[0].pWorse, 0.012841746595900984, 1e-9);
    close(hurt[0].qValue, 3 * 0.012841746595900984, 1e-9);
  });
});
