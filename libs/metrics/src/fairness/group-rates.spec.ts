import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demographicParityGap, equalizedOddsGap, rateGap } from './group-gaps';
import { confusionByGroup, groupRates, type ClassifiedItem } from './group-rates';

const close = (actual: number, expected: number, tolerance = 1e-9) =>
  assert.ok(Math.abs(actual - expected) < tolerance, `${actual} ≠ ${expected}`);

/** Items for one group from confusion counts. */
function items(group: string, tp: number, fn: number, fp: number, tn: number): ClassifiedItem[] {
  const make = (count: number, actual: boolean, predicted: boolean) =>
    Array.from({ length: count }, () => ({ group, actual, predicted }));
  return [
    ...make(tp, true, true),
    ...make(fn, true, false),
    ...make(fp, false, true),
    ...make(tn, false, false),
  ];
}

// Group a: TP 45, FN 5, FP 10, TN 40.  Group b: TP 35, FN 15, FP 5, TN 45.
const counts = confusionByGroup([...items('a', 45, 5, 10, 40), ...items('b', 35, 15, 5, 45)]);

describe('groupRates', () => {
  it('tallies confusion counts per group', () => {
    assert.deepEqual(counts.get('a'), { tp: 45, fp: 10, tn: 40, fn: 5 });
  });

  it('gives FRR = FN/(FN + TP) = 5/50 with its Wilson interval, and the other rates', () => {
    const [a] = groupRates(counts);
    assert.equal(a.group, 'a');
    close(a.falseRejectionRate!.value, 0.1);
    close(a.falseRejectionRate!.low, 0.043475764931890426); // Wilson 5/50, by hand in Python
    close(a.falseRejectionRate!.high, 0.21360231437479654);
    close(a.falsePositiveRate!.value, 10 / 50);
    close(a.errorRate!.value, 15 / 100);
    close(a.truePositiveRate!.value, 45 / 50);
    close(a.selectionRate!.value, 55 / 100);
  });

  it('leaves a rate undefined (null) for a group without the items it needs', () => {
    const [onlyPositives] = groupRates({ c: { tp: 3, fn: 1, fp: 0, tn: 0 } });
    assert.equal(onlyPositives.falsePositiveRate, null);
    close(onlyPositives.falseRejectionRate!.value, 0.25);
  });
});

describe('group gaps', () => {
  const rates = groupRates(counts);

  it('takes the equalized-odds gap as the larger of the TPR gap (0.2) and FPR gap (0.1)', () => {
    const result = equalizedOddsGap(rates);
    close(result.gap, 0.2);
    close(result.falsePositiveRate!.gap, 0.1);
    assert.equal(result.truePositiveRate!.lowest.group, 'b');
  });

  it('takes the demographic-parity gap as the range of selection rates (0.55 − 0.40)', () => {
    const result = demographicParityGap(rates)!;
    close(result.gap, 0.15);
    assert.equal(result.highest.group, 'a');
  });

  it('has no gap when no group defines the rate', () => {
    assert.equal(
      rateGap(groupRates({ c: { tp: 0, fn: 0, fp: 2, tn: 3 } }), 'falseRejectionRate'),
      null,
    );
  });
});
