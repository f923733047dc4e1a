import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { alertDedupKey } from './dedup-key';

const plan = '11111111-1111-4111-8111-111111111111';
const slice = '22222222-2222-4222-8222-222222222222';

describe('alertDedupKey', () => {
  it('names type, plan, slice, subgroup and metric', () => {
    assert.equal(
      alertDedupKey({
        type: 'drift',
        planId: plan,
        sliceId: slice,
        subgroup: 'accent=scottish',
        metric: 'wer',
      }),
      `drift:${plan}:${slice}:accent=scottish:wer`,
    );
  });

  it('gives health alerts one key per plan', () => {
    const key = (sliceId: string | null) =>
      alertDedupKey({
        type: 'health',
        planId: plan,
        sliceId,
        subgroup: 'all',
        metric: 'run_status',
      });
    assert.equal(key(null), `health:${plan}`);
    assert.equal(key(slice), `health:${plan}`);
  });

  it('keeps types apart and escapes colons so that no two keys collide', () => {
    const base = { planId: plan, sliceId: slice, subgroup: 'all' };
    const drift = alertDedupKey({ ...base, type: 'drift', metric: 'wer' });
    const cusum = alertDedupKey({ ...base, type: 'cusum', metric: 'wer' });
    assert.notEqual(drift, cusum);
    const a = alertDedupKey({ ...base, type: 'fairness_gap', subgroup: 'x:y', metric: 'z' });
    const b = alertDedupKey({ ...base, type: 'fairness_gap', subgroup: 'x', metric: 'y:z' });
    assert.notEqual(a, b);
    assert.equal(b, `fairness_gap:${plan}:${slice}:x:y%3Az`);
  });

  it('stays within PagerDuty’s 255 characters, ending long keys in a hash', () => {
    const long = (metric: string) =>
      alertDedupKey({
        type: 'drift',
        planId: plan,
        sliceId: slice,
        subgroup: `note=${'x'.repeat(300)}`,
        metric,
      });
    assert.equal(long('a').length, 255);
    assert.notEqual(long('a'), long('b'));
    assert.match(long('a'), /#[0-9a-f]{64}$/);
  });
});
