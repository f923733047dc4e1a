import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MetricDefinition } from '@lastmile/scenarios';
import { driftKindOf, isGroupComparable, isItemLevelAlertable } from './metric-kinds';

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
